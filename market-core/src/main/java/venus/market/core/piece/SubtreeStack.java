package venus.market.core.piece;

/**
 * Builds a merkle root from subtree roots delivered left to right, like a binary counter: a pending left sibling
 * waits at its level until its right sibling arrives. Each subtree must start at an offset aligned to its own size,
 * which holds for equal-sized chunks and for pieces placed by {@link UnsealedCommitment}.
 */
final class SubtreeStack {

  private final NodeHasher hasher = new NodeHasher();
  private final byte[][] pending = new byte[ZeroComm.LEVELS + 1][];
  private int lowestPending = Integer.MAX_VALUE;
  private int highestPending = -1;

  /** Adds the root of the next subtree, which covers {@code 32·2^level} bytes. */
  void add(byte[] root, int level) {
    if (level > lowestPending) {
      throw new PieceException("subtree of level " + level + " is not aligned: a level " + lowestPending
          + " subtree is still open");
    }
    byte[] node = root;
    int l = level;
    while (pending[l] != null) {
      node = hasher.node(pending[l], node);
      pending[l] = null;
      l++;
    }
    pending[l] = node;
    recomputeBounds();
  }

  /** Pads with zero subtrees up to {@code level} and returns the root covering {@code 32·2^level} bytes. */
  byte[] finishAt(int level) {
    if (highestPending < 0) {
      return ZeroComm.atLevel(level);
    }
    if (highestPending > level || (highestPending == level && lowestPending < level)) {
      throw new PieceException("data of more than " + PaddedPieceSize.bytesAtLevel(level)
          + " padded bytes does not fit a tree of level " + level);
    }
    while (!(lowestPending == level && highestPending == level)) {
      add(ZeroComm.shared(lowestPending), lowestPending);
    }
    return pending[level].clone();
  }

  private void recomputeBounds() {
    lowestPending = Integer.MAX_VALUE;
    highestPending = -1;
    for (int i = 0; i < pending.length; i++) {
      if (pending[i] != null) {
        lowestPending = Math.min(lowestPending, i);
        highestPending = i;
      }
    }
  }
}
