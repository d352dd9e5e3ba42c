package venus.market.core.piece;

/**
 * Size of a piece after Fr32 padding: a power of two of at least 128 bytes. This is the size deals carry on chain
 * (DealProposal.PieceSize).
 */
public record PaddedPieceSize(long bytes) implements Comparable<PaddedPieceSize> {

  public static final long MIN_BYTES = 128;

  public PaddedPieceSize {
    if (bytes < MIN_BYTES || Long.bitCount(bytes) != 1) {
      throw new PieceException("padded piece size " + bytes + " is not a power of two >= " + MIN_BYTES);
    }
  }

  /** The largest payload this piece holds (127/128 of the padded size). */
  public UnpaddedPieceSize unpadded() {
    return new UnpaddedPieceSize(bytes - bytes / 128);
  }

  /** Height of the binary merkle tree over the piece's 32-byte leaves (0 for a single leaf). */
  public int treeHeight() {
    return Long.numberOfTrailingZeros(bytes) - 5;
  }

  /** Number of 32-byte leaves. */
  public long leaves() {
    return bytes >>> 5;
  }

  /**
   * The smallest piece holding {@code payloadBytes} bytes once zero-padded, as lotus (go-padreader) sizes it: at
   * least 127 unpadded bytes, then rounded up to whole 127-byte Fr32 blocks and to a power of two.
   */
  public static PaddedPieceSize fitting(long payloadBytes) {
    if (payloadBytes < 0 || payloadBytes > UnpaddedPieceSize.MAX_PAYLOAD_BYTES) {
      throw new PieceException("payload size " + payloadBytes + " is outside 0.." + UnpaddedPieceSize.MAX_PAYLOAD_BYTES);
    }
    if (payloadBytes <= 127) {
      return new PaddedPieceSize(MIN_BYTES);
    }
    long padded = (payloadBytes + 126) / 127 * 128;
    if (Long.bitCount(padded) != 1) {
      padded = Long.highestOneBit(padded) << 1;
    }
    return new PaddedPieceSize(padded);
  }

  /** The padded size of a subtree at {@code level} (level 0 = one 32-byte leaf). */
  public static long bytesAtLevel(int level) {
    return 32L << level;
  }

  @Override
  public int compareTo(PaddedPieceSize o) {
    return Long.compare(bytes, o.bytes);
  }

  @Override
  public String toString() {
    return Long.toString(bytes);
  }
}
