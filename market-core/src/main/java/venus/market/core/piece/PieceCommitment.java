package venus.market.core.piece;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A piece commitment (commP, or commD of an unsealed sector): the 32-byte merkle root and the padded size it covers.
 * Immutable; the root is copied in and out.
 */
public final class PieceCommitment {

  private final byte[] root;
  private final PaddedPieceSize size;

  public PieceCommitment(byte[] root, PaddedPieceSize size) {
    if (root.length != 32) {
      throw new PieceException("piece commitment must be 32 bytes, got " + root.length);
    }
    if ((root[31] & 0xc0) != 0) {
      throw new PieceException("piece commitment " + HexFormat.of().formatHex(root)
          + " has its top two bits set; not a trunc254 SHA-256 root");
    }
    this.root = root.clone();
    this.size = size;
  }

  public byte[] root() {
    return root.clone();
  }

  public PaddedPieceSize size() {
    return size;
  }

  /**
   * The commitment of this piece followed by zeros up to {@code target}: the root is combined with zero subtrees of
   * growing height, so nothing is re-hashed.
   */
  public PieceCommitment padTo(PaddedPieceSize target) {
    if (target.bytes() < size.bytes()) {
      throw new PieceException("cannot pad a piece of " + size.bytes() + " padded bytes down to " + target.bytes());
    }
    NodeHasher hasher = new NodeHasher();
    byte[] r = root;
    for (int level = size.treeHeight(); level < target.treeHeight(); level++) {
      r = hasher.node(r, ZeroComm.shared(level));
    }
    return new PieceCommitment(r, target);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PieceCommitment p && p.size.equals(size) && Arrays.equals(p.root, root);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(root) * 31 + size.hashCode();
  }

  @Override
  public String toString() {
    return HexFormat.of().formatHex(root) + "/" + size.bytes();
  }
}
