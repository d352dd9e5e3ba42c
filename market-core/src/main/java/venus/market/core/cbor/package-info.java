/**
 * Strict DAG-CBOR, byte-compatible with Go's cbor-gen (see wire.md §0): {@link venus.market.core.cbor.CborWriter}
 * emits only canonical encodings (definite lengths, minimal integers, length-first sorted map keys, tag 42 CIDs,
 * float64), and {@link venus.market.core.cbor.CborReader} rejects everything else with a
 * {@link venus.market.core.cbor.CborException} naming the byte offset. Go verifies signatures against its own
 * re-encoding of what it decoded, so only canonical bytes survive a round trip through a Go peer.
 */
package venus.market.core.cbor;
