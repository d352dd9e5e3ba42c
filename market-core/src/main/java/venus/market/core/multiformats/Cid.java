package venus.market.core.multiformats;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A content identifier. CIDv0 is a bare sha2-256 multihash ({@code 12 20 …}, implicitly dag-pb, base58 "Qm…");
 * CIDv1 is {@code varint(1) ‖ varint(codec) ‖ multihash}, printed as base32 with prefix 'b' by default. Immutable;
 * equality is equality of the binary form (so a v0 and a v1 of the same hash differ, as in go-cid).
 */
public final class Cid {

  /** Longer strings are refused before decoding (no real CID comes close; base58 decoding is quadratic). */
  public static final int MAX_STRING_LENGTH = 4096;

  private static final int V0_LENGTH = 34;

  private final int version;
  private final long codec;
  private final Multihash multihash;
  private final byte[] encoded;

  private Cid(int version, long codec, Multihash multihash) {
    this.version = version;
    this.codec = codec;
    this.multihash = multihash;
    if (version == 0) {
      this.encoded = multihash.bytes();
    } else {
      encoded = new byte[1 + Varint.size(codec) + multihash.encodedLength()];
      encoded[0] = 1;
      int n = 1 + Varint.write(codec, encoded, 1);
      multihash.writeTo(encoded, n);
    }
  }

  /** A CIDv0; the multihash must be a 32-byte sha2-256. */
  public static Cid v0(Multihash multihash) {
    if (multihash.code() != Multicodec.SHA2_256 || multihash.digestLength() != 32) {
      throw new MultiformatsException("CIDv0 needs a 32-byte sha2-256 multihash, got " + multihash);
    }
    return new Cid(0, Multicodec.DAG_PB, multihash);
  }

  public static Cid v1(long codec, Multihash multihash) {
    if (codec < 0) {
      throw new IllegalArgumentException("codec must be a 63-bit unsigned value, got " + codec);
    }
    return new Cid(1, codec, multihash);
  }

  /** Decodes a binary CID that fills all of {@code bytes}. */
  public static Cid decode(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    Cid cid = read(in);
    if (in.hasRemaining()) {
      throw new MultiformatsException(in.remaining() + " trailing byte(s) after CID at offset " + in.position());
    }
    return cid;
  }

  /** Reads one binary CID at the buffer's position and advances past it (as CAR sections need). */
  public static Cid read(ByteBuffer in) {
    int start = in.position();
    if (in.remaining() >= 2 && in.get(start) == 0x12 && in.get(start + 1) == 0x20) {
      if (in.remaining() < V0_LENGTH) {
        throw new MultiformatsException("truncated CIDv0 at offset " + start + ": need " + V0_LENGTH
            + " bytes, have " + in.remaining());
      }
      return v0(Multihash.read(in));
    }
    long version = Varint.read(in);
    if (version != 1) {
      throw new MultiformatsException("unsupported CID version " + version + " at offset " + start + " (expected 1)");
    }
    long codec = Varint.read(in);
    return new Cid(1, codec, Multihash.read(in));
  }

  /** Parses a CID string: a 46-character "Qm…" CIDv0, or any supported multibase of a binary CID. */
  public static Cid parse(String text) {
    if (text.length() > MAX_STRING_LENGTH) {
      throw new MultiformatsException("CID string of " + text.length() + " characters is longer than " + MAX_STRING_LENGTH);
    }
    try {
      if (text.length() == 46 && text.startsWith("Qm")) {
        return decode(Base58.decode(text));
      }
      return decode(Multibase.decode(text));
    } catch (MultiformatsException e) {
      throw new MultiformatsException("invalid CID \"" + abbreviate(text) + "\": " + e.getMessage(), e);
    }
  }

  public int version() {
    return version;
  }

  /** The content codec (dag-pb for CIDv0). */
  public long codec() {
    return codec;
  }

  public Multihash multihash() {
    return multihash;
  }

  /** The binary CID. */
  public byte[] bytes() {
    return encoded.clone();
  }

  public int encodedLength() {
    return encoded.length;
  }

  /** The same content as a CIDv1 (identity for a v1). */
  public Cid toV1() {
    return version == 1 ? this : new Cid(1, codec, multihash);
  }

  /** CIDv0 as base58btc without prefix, CIDv1 as base32 with prefix 'b'. */
  @Override
  public String toString() {
    return version == 0 ? Base58.encode(encoded) : Multibase.BASE32.encode(encoded);
  }

  /** The CIDv1 string in the given base; CIDv0 has only its base58 form. */
  public String toString(Multibase base) {
    if (version == 0) {
      if (base != Multibase.BASE58_BTC) {
        throw new MultiformatsException("a CIDv0 can only be written in base58btc, not " + base);
      }
      return toString();
    }
    return base.encode(encoded);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cid c && Arrays.equals(encoded, c.encoded);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encoded);
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
