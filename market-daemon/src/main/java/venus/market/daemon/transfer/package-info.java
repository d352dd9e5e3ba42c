/**
 * Online deal data transfer on the provider: the pull of a deal's CAR over HTTP or HTTP-over-libp2p into a staging
 * file (resumable with Range requests, commP computed while downloading), and the verification of the data against
 * the proposal's piece CID before the piece goes to the piece store.
 */
package venus.market.daemon.transfer;
