package venus.market.core.chain;

import venus.market.core.crypto.Blake2b;
import venus.market.core.multiformats.Cid;
import venus.market.core.multiformats.Multicodec;
import venus.market.core.multiformats.Multihash;

/** How the chain names a CBOR block: CIDv1, dag-cbor, blake2b-256 ("bafy2bzace…"). */
public final class ChainCids {

  private ChainCids() {}

  /** The CID of a block whose bytes are {@code cbor}. */
  public static Cid ofCbor(byte[] cbor) {
    return Cid.v1(Multicodec.DAG_CBOR, Multihash.of(Multicodec.BLAKE2B_256, Blake2b.sum256(cbor)));
  }
}
