/** Signing with keys the market does not hold: the node's wallet (WalletSign) or venus-wallet at [Signer] Url. */
package venus.market.daemon.signer;
