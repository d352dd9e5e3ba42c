package venus.market.p2p.crypto;

/** A libp2p private identity key. */
public interface PrivKey {

  KeyType type();

  /** The {@code Data} field of the {@code PrivateKey} protobuf (Ed25519: seed ‖ public key). */
  byte[] raw();

  byte[] sign(byte[] data);

  PubKey publicKey();

  default byte[] bytes() {
    return KeyProtobuf.encode(type(), raw());
  }
}
