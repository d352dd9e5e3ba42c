package venus.market.core.piece;

/**
 * Payload capacity of a piece: 127 × 2^k bytes (e.g. 4064 for a 4 KiB piece). lotus calls this the unpadded size; it
 * is what DataRef.PieceSize, {@code --manual-piece-size} and ClientCalcCommP's Size carry.
 */
public record UnpaddedPieceSize(long bytes) implements Comparable<UnpaddedPieceSize> {

  /** Payloads larger than this would overflow the padded size computation (2^62 padded bytes). */
  public static final long MAX_PAYLOAD_BYTES = (1L << 62) / 128 * 127;

  public UnpaddedPieceSize {
    if (bytes < 127) {
      throw new PieceException("unpadded piece size " + bytes + " is below the minimum of 127 bytes");
    }
    if (bytes % 127 != 0 || Long.bitCount(bytes / 127) != 1 || bytes > MAX_PAYLOAD_BYTES) {
      throw new PieceException("unpadded piece size " + bytes + " is not 127 × a power of two");
    }
  }

  public PaddedPieceSize padded() {
    return new PaddedPieceSize(bytes + bytes / 127);
  }

  @Override
  public int compareTo(UnpaddedPieceSize o) {
    return Long.compare(bytes, o.bytes);
  }

  @Override
  public String toString() {
    return Long.toString(bytes);
  }
}
