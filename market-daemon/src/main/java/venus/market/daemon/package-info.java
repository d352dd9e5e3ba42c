/** The provider daemon: deals, piece storage, publishing, chain tracking, sealer API. */
package venus.market.daemon;
