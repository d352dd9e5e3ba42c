/** Local Filecoin dev chain with a Lotus-compatible JSON-RPC API (for demos and tests only). */
package venus.market.devnet;
