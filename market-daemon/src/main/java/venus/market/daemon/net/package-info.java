/** The libp2p host (market-p2p) with a persisted identity, API address parsing, and bare-CBOR message framing used by the go-fil-markets protocols. */
package venus.market.daemon.net;
