/**
 * Filecoin pieces: padded/unpadded sizes, Fr32 padding, the streaming multi-core piece commitment (commP), zero
 * commitments, and the unsealed sector commitment (commD).
 *
 * <p>commP is the root of a binary SHA-256 merkle tree (each node's two top bits cleared) over the Fr32-padded,
 * zero-extended payload. {@link venus.market.core.piece.CommPHasher} streams it with constant memory and hashes
 * aligned subtrees on every core.
 */
package venus.market.core.piece;
