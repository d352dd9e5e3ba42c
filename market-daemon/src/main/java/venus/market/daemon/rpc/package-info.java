/** The VENUS_MARKET JSON-RPC registry, one class per API group, each method with its permission. */
package venus.market.daemon.rpc;
