package venus.market.core.car;

import venus.market.core.multiformats.Cid;

/** A block whose bytes do not hash to the multihash in its CID. */
public class BlockMismatchException extends CarException {

  private final Cid cid;

  public BlockMismatchException(Cid cid, String detail) {
    super("block " + cid + " does not match its CID: " + detail);
    this.cid = cid;
  }

  public Cid cid() {
    return cid;
  }
}
