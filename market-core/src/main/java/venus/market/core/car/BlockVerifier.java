package venus.market.core.car;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import venus.market.core.crypto.Blake2b;
import venus.market.core.multiformats.Cid;
import venus.market.core.multiformats.Multicodec;
import venus.market.core.multiformats.Multihash;

/** Checks that a block's bytes hash to its CID's multihash (sha2-256, blake2b-256, identity). */
public final class BlockVerifier {

  private final MessageDigest sha256;

  public BlockVerifier() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  }

  /**
   * @throws BlockMismatchException if the bytes do not match
   * @throws CarException if the CID uses a hash function this verifier does not know
   */
  public void verify(Cid cid, byte[] data) {
    Multihash mh = cid.multihash();
    byte[] expected = mh.digest();
    byte[] actual;
    if (mh.code() == Multicodec.IDENTITY) {
      actual = data;
    } else if (mh.code() == Multicodec.SHA2_256) {
      actual = sha256.digest(data);
    } else if (mh.code() == Multicodec.BLAKE2B_256) {
      actual = Blake2b.sum256(data);
    } else {
      throw new CarException("cannot verify block " + cid + ": unsupported multihash " + Multicodec.name(mh.code()));
    }
    // A multihash may carry a truncated digest: compare its prefix.
    if (expected.length > actual.length || !Arrays.equals(expected, 0, expected.length, actual, 0, expected.length)
        || (mh.code() == Multicodec.IDENTITY && expected.length != actual.length)) {
      throw new BlockMismatchException(cid, "the " + data.length + "-byte block hashes to "
          + HexFormat.of().formatHex(actual, 0, Math.min(actual.length, 64)));
    }
  }

  /** Verifies a block read from a CAR; the error also names the section offset. */
  public void verify(CarBlock block) {
    try {
      verify(block.cid(), block.data());
    } catch (BlockMismatchException e) {
      throw new BlockMismatchException(block.cid(), "section at offset " + block.offset() + ": "
          + e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
    }
  }
}
