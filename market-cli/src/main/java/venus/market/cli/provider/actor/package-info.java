/** actor list / set-addrs / set-peer-id / info. */
package venus.market.cli.provider.actor;
