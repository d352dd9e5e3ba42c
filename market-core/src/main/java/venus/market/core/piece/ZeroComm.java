package venus.market.core.piece;

/**
 * Roots of all-zero subtrees: level 0 is a zero leaf, level k covers 32·2^k zero bytes. They let a piece be padded
 * to any larger size without hashing the zeros.
 */
public final class ZeroComm {

  public static final int LEVELS = 64;

  private static final byte[][] TABLE = build();

  private ZeroComm() {
  }

  private static byte[][] build() {
    NodeHasher hasher = new NodeHasher();
    byte[][] t = new byte[LEVELS][];
    t[0] = new byte[32];
    for (int k = 1; k < LEVELS; k++) {
      t[k] = hasher.node(t[k - 1], t[k - 1]);
    }
    return t;
  }

  /** The root of {@code 32·2^level} zero bytes. */
  public static byte[] atLevel(int level) {
    if (level < 0 || level >= LEVELS) {
      throw new PieceException("zero commitment level " + level + " is outside 0.." + (LEVELS - 1));
    }
    return TABLE[level].clone();
  }

  /** The commitment of an all-zero piece of the given size. */
  public static PieceCommitment piece(PaddedPieceSize size) {
    return new PieceCommitment(TABLE[size.treeHeight()], size);
  }

  static byte[] shared(int level) {
    return TABLE[level];
  }
}
