package venus.market.p2p.peer;

import java.util.Arrays;
import java.util.Optional;
import venus.market.core.multiformats.Base58;
import venus.market.core.multiformats.Cid;
import venus.market.core.multiformats.Multibase;
import venus.market.core.multiformats.Multicodec;
import venus.market.core.multiformats.MultiformatsException;
import venus.market.core.multiformats.Multihash;
import venus.market.p2p.P2pException;
import venus.market.p2p.crypto.KeyProtobuf;
import venus.market.p2p.crypto.PubKey;

/**
 * A libp2p peer ID: the multihash of the {@code PublicKey} protobuf; identity multihash when that protobuf is at
 * most 42 bytes (Ed25519, secp256k1), else sha2-256. Printed base58btc ({@code 12D3KooW…}); the CIDv1 form
 * ({@code bafz…}, codec libp2p-key) is accepted when parsing.
 */
public final class PeerId {

  public static final int MAX_INLINE_KEY_LENGTH = 42;
  /** Bounds untrusted input; a sha2-256 peer ID is 34 bytes, an identity one at most 44. */
  public static final int MAX_BYTES = 64;

  private final byte[] multihash;
  private final String text;

  private PeerId(byte[] multihash) {
    this.multihash = multihash;
    this.text = Base58.encode(multihash);
  }

  public static PeerId fromPublicKey(PubKey key) {
    byte[] pb = key.bytes();
    Multihash mh = pb.length <= MAX_INLINE_KEY_LENGTH ? Multihash.identity(pb) : Multihash.sha256(pb);
    return new PeerId(mh.bytes());
  }

  /** Decodes binary multihash bytes (as found in /p2p multiaddrs and on chain). */
  public static PeerId fromBytes(byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      throw new P2pException("peer ID of " + bytes.length + " bytes exceeds " + MAX_BYTES);
    }
    Multihash mh;
    try {
      mh = Multihash.decode(bytes);
    } catch (MultiformatsException e) {
      throw new P2pException("peer ID is not a valid multihash: " + e.getMessage(), e);
    }
    if (mh.code() == Multicodec.SHA2_256) {
      if (mh.digestLength() != 32) {
        throw new P2pException("sha2-256 peer ID has a " + mh.digestLength() + "-byte digest, expected 32");
      }
    } else if (mh.code() == Multicodec.IDENTITY) {
      if (mh.digestLength() > MAX_INLINE_KEY_LENGTH) {
        throw new P2pException("identity peer ID inlines " + mh.digestLength() + " bytes, more than " + MAX_INLINE_KEY_LENGTH);
      }
    } else {
      throw new P2pException("peer ID multihash uses " + Multicodec.name(mh.code()) + "; only identity and sha2-256 are valid");
    }
    return new PeerId(bytes.clone());
  }

  /** Parses base58btc ({@code 12D3KooW…}, {@code Qm…}, {@code 16Uiu2…}) or a CIDv1 with codec libp2p-key. */
  public static PeerId parse(String text) {
    if (text.isEmpty() || text.length() > 256) {
      throw new P2pException("peer ID string has an invalid length " + text.length());
    }
    try {
      if (text.startsWith("1") || text.startsWith("Qm")) {
        return fromBytes(Base58.decode(text));
      }
      Cid cid = Cid.parse(text);
      if (cid.version() != 1 || cid.codec() != Multicodec.LIBP2P_KEY) {
        throw new P2pException("CID \"" + text + "\" is not a libp2p-key CIDv1");
      }
      return fromBytes(cid.multihash().bytes());
    } catch (MultiformatsException e) {
      throw new P2pException("invalid peer ID \"" + text + "\": " + e.getMessage(), e);
    }
  }

  public byte[] bytes() {
    return multihash.clone();
  }

  /** The public key, when the ID inlines it (identity multihash). */
  public Optional<PubKey> publicKey() {
    Multihash mh = Multihash.decode(multihash);
    if (mh.code() != Multicodec.IDENTITY) {
      return Optional.empty();
    }
    return Optional.of(KeyProtobuf.decodePublic(mh.digest()));
  }

  /** Whether {@code key} is the key this ID was derived from. */
  public boolean matches(PubKey key) {
    return equals(fromPublicKey(key));
  }

  public String toCidString() {
    return Cid.v1(Multicodec.LIBP2P_KEY, Multihash.decode(multihash)).toString(Multibase.BASE32);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PeerId p && Arrays.equals(multihash, p.multihash);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(multihash);
  }

  @Override
  public String toString() {
    return text;
  }
}
