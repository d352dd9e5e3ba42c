package venus.market.core.crypto;

import java.nio.ByteBuffer;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * Unkeyed BLAKE2b with the digest length set as a parameter (not a truncated 64-byte digest), as
 * golang.org/x/crypto/blake2b.New(size, nil) computes it. Filecoin uses 32 bytes for CIDs and message signing,
 * 20 bytes for f1/f2 address payloads and 4 bytes for address checksums.
 *
 * <p>An instance is a streaming hasher; it is not thread-safe and is spent by {@link #digest()}.
 */
public final class Blake2b {

  public static final int MAX_DIGEST_BYTES = 64;

  private final Blake2bDigest digest;
  private boolean finished;

  private Blake2b(int digestBytes) {
    if (digestBytes < 1 || digestBytes > MAX_DIGEST_BYTES) {
      throw new CryptoException("blake2b digest length must be 1.." + MAX_DIGEST_BYTES + " bytes, got " + digestBytes);
    }
    this.digest = new Blake2bDigest(digestBytes * 8);
  }

  /** A streaming hasher producing {@code digestBytes} bytes. */
  public static Blake2b newHasher(int digestBytes) {
    return new Blake2b(digestBytes);
  }

  public static byte[] hash(byte[] data, int digestBytes) {
    return newHasher(digestBytes).update(data).digest();
  }

  public static byte[] sum256(byte[] data) {
    return hash(data, 32);
  }

  public static byte[] sum160(byte[] data) {
    return hash(data, 20);
  }

  public Blake2b update(byte[] data) {
    return update(data, 0, data.length);
  }

  public Blake2b update(byte[] data, int offset, int length) {
    checkOpen();
    digest.update(data, offset, length);
    return this;
  }

  public Blake2b update(ByteBuffer data) {
    checkOpen();
    if (data.hasArray()) {
      digest.update(data.array(), data.arrayOffset() + data.position(), data.remaining());
      data.position(data.limit());
    } else {
      byte[] chunk = new byte[Math.min(data.remaining(), 8192)];
      while (data.hasRemaining()) {
        int n = Math.min(chunk.length, data.remaining());
        data.get(chunk, 0, n);
        digest.update(chunk, 0, n);
      }
    }
    return this;
  }

  public int digestLength() {
    return digest.getDigestSize();
  }

  /** Finishes the hash; the hasher cannot be used afterwards. */
  public byte[] digest() {
    checkOpen();
    finished = true;
    byte[] out = new byte[digest.getDigestSize()];
    digest.doFinal(out, 0);
    return out;
  }

  private void checkOpen() {
    if (finished) {
      throw new IllegalStateException("blake2b hasher already finished");
    }
  }
}
