/** The venus-market commands of the seed guide; every command other than solo-run is a thin JSON-RPC call to the daemon. */
package venus.market.cli.provider;
