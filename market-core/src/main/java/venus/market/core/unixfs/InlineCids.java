package venus.market.core.unixfs;

import venus.market.core.crypto.Blake2b;
import venus.market.core.multiformats.Cid;
import venus.market.core.multiformats.Multicodec;
import venus.market.core.multiformats.Multihash;

/**
 * lotus's CID builder for imports: CIDv1 with a blake2b-256 multihash, wrapped so that a block of at most
 * {@link #INLINE_LIMIT} bytes gets an identity multihash instead (the block is carried inside its CID).
 */
public final class InlineCids {

  /** lotus lib/unixfs: {@code cidutil.InlineBuilder{Limit: 126}}. */
  public static final int INLINE_LIMIT = 126;

  private InlineCids() {
  }

  public static Cid of(long codec, byte[] block, int offset, int length) {
    if (length <= INLINE_LIMIT) {
      byte[] copy = new byte[length];
      System.arraycopy(block, offset, copy, 0, length);
      return Cid.v1(codec, Multihash.identity(copy));
    }
    byte[] digest = Blake2b.newHasher(32).update(block, offset, length).digest();
    return Cid.v1(codec, Multihash.of(Multicodec.BLAKE2B_256, digest));
  }

  public static Cid of(long codec, byte[] block) {
    return of(codec, block, 0, block.length);
  }
}
