package venus.market.core.piece;

import java.nio.ByteBuffer;
import java.util.Arrays;
import venus.market.core.multiformats.Cid;
import venus.market.core.multiformats.Multicodec;
import venus.market.core.multiformats.Multihash;
import venus.market.core.multiformats.Varint;

/**
 * Piece CIDs. v1 (what deals carry): CIDv1 fil-commitment-unsealed (0xf101) with a sha2-256-trunc254-padded
 * (0x1012) multihash of the 32-byte root, printed {@code baga6ea4seaq…}; the size travels separately. v2 (FRC-0069,
 * boost/curio): raw codec with a fr32-sha256-trunc254-padbintree (0x1011) multihash whose digest is
 * {@code uvarint(padding) ‖ tree height ‖ root}, so the size and payload length are in the CID.
 */
public final class PieceCid {

  private PieceCid() {
  }

  public static Cid v1(byte[] root) {
    return Cid.v1(Multicodec.FIL_COMMITMENT_UNSEALED, Multihash.of(Multicodec.SHA2_256_TRUNC254_PADDED, root));
  }

  public static Cid v1(PieceCommitment commitment) {
    return v1(commitment.root());
  }

  /** The 32-byte root inside a v1 piece CID (also accepted: a commD CID, same codec). */
  public static byte[] root(Cid cid) {
    Multihash mh = cid.multihash();
    if (cid.version() != 1 || cid.codec() != Multicodec.FIL_COMMITMENT_UNSEALED
        || mh.code() != Multicodec.SHA2_256_TRUNC254_PADDED || mh.digestLength() != 32) {
      throw new PieceException("not a piece CID (v1 fil-commitment-unsealed with a 32-byte "
          + "sha2-256-trunc254-padded multihash): " + cid);
    }
    byte[] root = mh.digest();
    if ((root[31] & 0xc0) != 0) {
      throw new PieceException("piece CID " + cid + " holds a root with its top two bits set");
    }
    return root;
  }

  /** A piece commitment from a v1 piece CID and the padded size carried next to it. */
  public static PieceCommitment commitment(Cid cid, PaddedPieceSize size) {
    return new PieceCommitment(root(cid), size);
  }

  /** FRC-0069 piece CID v2 for a commitment over {@code payloadBytes} bytes of data. */
  public static Cid v2(PieceCommitment commitment, long payloadBytes) {
    long capacity = commitment.size().unpadded().bytes();
    if (payloadBytes < 0 || payloadBytes > capacity) {
      throw new PieceException("payload of " + payloadBytes + " bytes does not fit a piece of " + capacity
          + " unpadded bytes");
    }
    long padding = capacity - payloadBytes;
    byte[] digest = new byte[Varint.size(padding) + 1 + 32];
    int n = Varint.write(padding, digest, 0);
    digest[n] = (byte) commitment.size().treeHeight();
    System.arraycopy(commitment.root(), 0, digest, n + 1, 32);
    return Cid.v1(Multicodec.RAW, Multihash.of(Multicodec.FR32_SHA256_TRUNC254_PADBINTREE, digest));
  }

  /** The commitment inside a piece CID v2, and the payload length it records. */
  public static V2 parseV2(Cid cid) {
    Multihash mh = cid.multihash();
    if (cid.version() != 1 || cid.codec() != Multicodec.RAW || mh.code() != Multicodec.FR32_SHA256_TRUNC254_PADBINTREE) {
      throw new PieceException("not a piece CID v2 (raw + fr32-sha256-trunc254-padbintree): " + cid);
    }
    ByteBuffer in = ByteBuffer.wrap(mh.digest());
    long padding;
    try {
      padding = Varint.read(in);
    } catch (RuntimeException e) {
      throw new PieceException("piece CID v2 " + cid + " has a bad padding varint: " + e.getMessage(), e);
    }
    if (in.remaining() != 33) {
      throw new PieceException("piece CID v2 " + cid + " digest has " + in.remaining()
          + " bytes after the padding varint, expected 33 (height + root)");
    }
    int height = in.get() & 0xff;
    if (height < 2 || height > 57) {
      throw new PieceException("piece CID v2 " + cid + " has tree height " + height + ", outside 2..57");
    }
    byte[] root = Arrays.copyOfRange(mh.digest(), mh.digestLength() - 32, mh.digestLength());
    PieceCommitment c = new PieceCommitment(root, new PaddedPieceSize(32L << height));
    long capacity = c.size().unpadded().bytes();
    if (padding < 0 || padding > capacity) {
      throw new PieceException("piece CID v2 " + cid + " declares " + padding + " bytes of padding in a piece of "
          + capacity + " unpadded bytes");
    }
    return new V2(c, capacity - padding);
  }

  /** A decoded piece CID v2. */
  public record V2(PieceCommitment commitment, long payloadBytes) {
  }
}
