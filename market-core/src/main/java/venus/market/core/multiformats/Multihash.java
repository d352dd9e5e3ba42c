package venus.market.core.multiformats;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A multihash: hash function code plus digest; binary form is {@code varint(code) ‖ varint(length) ‖ digest}.
 * Immutable (the digest is copied in and out). It only holds bytes: hashing with Blake2b lives in the crypto package.
 */
public final class Multihash {

  private final long code;
  private final byte[] digest;
  private final byte[] encoded;

  private Multihash(long code, byte[] digest) {
    this.code = code;
    this.digest = digest;
    this.encoded = new byte[Varint.size(code) + Varint.size(digest.length) + digest.length];
    int n = Varint.write(code, encoded, 0);
    n += Varint.write(digest.length, encoded, n);
    System.arraycopy(digest, 0, encoded, n, digest.length);
  }

  /** A multihash of an already computed digest. */
  public static Multihash of(long code, byte[] digest) {
    if (code < 0) {
      throw new IllegalArgumentException("multihash code must be a 63-bit unsigned value, got " + code);
    }
    return new Multihash(code, digest.clone());
  }

  /** sha2-256 of {@code data}. */
  public static Multihash sha256(byte[] data) {
    try {
      return new Multihash(Multicodec.SHA2_256, MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  }

  /** The identity "hash": the data itself (used for inlined blocks and small peer IDs). */
  public static Multihash identity(byte[] data) {
    return of(Multicodec.IDENTITY, data);
  }

  /** Decodes exactly one multihash filling all of {@code bytes}. */
  public static Multihash decode(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    Multihash mh = read(in);
    if (in.hasRemaining()) {
      throw new MultiformatsException(in.remaining() + " trailing byte(s) after multihash at offset " + in.position());
    }
    return mh;
  }

  /** Reads one multihash at the buffer's position and advances past it. */
  public static Multihash read(ByteBuffer in) {
    long code = Varint.read(in);
    int at = in.position();
    long length = Varint.read(in);
    if (length > in.remaining()) {
      throw new MultiformatsException("multihash digest length " + length + " (at offset " + at + ") exceeds the "
          + in.remaining() + " remaining byte(s)");
    }
    byte[] digest = new byte[(int) length];
    in.get(digest);
    return new Multihash(code, digest);
  }

  public long code() {
    return code;
  }

  public byte[] digest() {
    return digest.clone();
  }

  public int digestLength() {
    return digest.length;
  }

  /** The binary multihash. */
  public byte[] bytes() {
    return encoded.clone();
  }

  public int encodedLength() {
    return encoded.length;
  }

  void writeTo(byte[] out, int offset) {
    System.arraycopy(encoded, 0, out, offset, encoded.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Multihash m && Arrays.equals(encoded, m.encoded);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encoded);
  }

  @Override
  public String toString() {
    return Multicodec.name(code) + ":" + HexFormat.of().formatHex(digest);
  }
}
