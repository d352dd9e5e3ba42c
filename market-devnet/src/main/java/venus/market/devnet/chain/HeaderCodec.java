package venus.market.devnet.chain;

/** Encodes block headers as CBOR (lotus BlockHeader tuple) and computes CIDs. */
public interface HeaderCodec {
  /** CBOR of the header. */
  byte[] encode(BlockFields header);

  /** Binary dag-cbor blake2b-256 CID of {@code cbor}. */
  byte[] cidOf(byte[] cbor);
}
