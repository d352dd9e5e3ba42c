package venus.market.p2p.crypto;

import venus.market.p2p.protobuf.ProtoReader;
import venus.market.p2p.protobuf.ProtoWriter;
import venus.market.p2p.protobuf.ProtobufException;

/** The libp2p {@code PublicKey} / {@code PrivateKey} protobufs: {@code {KeyType Type = 1; bytes Data = 2}}. */
public final class KeyProtobuf {

  /** No supported key is near this; it bounds what a peer can make us parse. */
  public static final int MAX_KEY_BYTES = 8192;

  private KeyProtobuf() {}

  static byte[] encode(KeyType type, byte[] data) {
    return new ProtoWriter().uint(1, type.code()).bytes(2, data).toByteArray();
  }

  public static PubKey decodePublic(byte[] protobuf) {
    Decoded d = decode(protobuf, "public");
    return switch (d.type) {
      case ED25519 -> Ed25519.publicKey(d.data);
      case SECP256K1 -> Secp256k1.publicKey(d.data);
      default -> throw new KeyException("libp2p " + d.type + " public keys are not supported");
    };
  }

  public static PrivKey decodePrivate(byte[] protobuf) {
    Decoded d = decode(protobuf, "private");
    return switch (d.type) {
      case ED25519 -> Ed25519.privateKey(d.data);
      case SECP256K1 -> Secp256k1.privateKey(d.data);
      default -> throw new KeyException("libp2p " + d.type + " private keys are not supported");
    };
  }

  private record Decoded(KeyType type, byte[] data) {}

  private static Decoded decode(byte[] protobuf, String kind) {
    if (protobuf.length > MAX_KEY_BYTES) {
      throw new KeyException(kind + " key protobuf of " + protobuf.length + " bytes exceeds " + MAX_KEY_BYTES);
    }
    KeyType type = null;
    byte[] data = null;
    try {
      ProtoReader r = new ProtoReader(protobuf);
      while (r.next()) {
        switch (r.field()) {
          case 1 -> type = KeyType.of(r.uint());
          case 2 -> data = r.bytes();
          default -> r.skip();
        }
      }
    } catch (ProtobufException e) {
      throw new KeyException("malformed " + kind + " key protobuf: " + e.getMessage(), e);
    }
    if (type == null || data == null) {
      throw new KeyException(kind + " key protobuf lacks its " + (type == null ? "Type" : "Data") + " field");
    }
    return new Decoded(type, data);
  }
}
