/** market-client: client daemon and commands (imports, CARs, commP, asks, deals, funds). */
package venus.market.client;
