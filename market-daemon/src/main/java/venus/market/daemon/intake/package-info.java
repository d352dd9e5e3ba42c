/**
 * Provider deal intake: the libp2p deal protocols (boost {@code /fil/storage/mk/1.2.x}, go-fil-markets {@code
 * /fil/storage/mk/1.1.x} and {@code 1.0.1}), the deal status protocols, validation of proposals against the chain,
 * the ask and the operator's acceptance policy, and recording accepted deals in the state machine up to
 * StorageDealWaitingForData.
 */
package venus.market.daemon.intake;
