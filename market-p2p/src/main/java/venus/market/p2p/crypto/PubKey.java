package venus.market.p2p.crypto;

/** A libp2p public identity key. */
public interface PubKey {

  KeyType type();

  /** The key's own bytes (the {@code Data} field of the protobuf). */
  byte[] raw();

  boolean verify(byte[] data, byte[] signature);

  /** The deterministic {@code PublicKey} protobuf: {@code {Type = 1, Data = 2}}. */
  default byte[] bytes() {
    return KeyProtobuf.encode(type(), raw());
  }
}
