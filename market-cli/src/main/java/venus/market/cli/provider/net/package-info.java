/** net listen / id / peers. */
package venus.market.cli.provider.net;
