/** Names and JSON shapes of the VENUS_MARKET JSON-RPC API shared by the daemon and the CLI (venus-shared api/market names; extensions are marked). */
package venus.market.daemon.api;
