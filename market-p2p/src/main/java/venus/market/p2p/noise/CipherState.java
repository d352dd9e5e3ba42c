package venus.market.p2p.noise;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Noise CipherState for ChaChaPoly: a 32-byte key and a 64-bit counter nonce (encoded as 4 zero bytes then the
 * counter little-endian). Not thread-safe: each direction of a connection owns one.
 */
public final class CipherState {

  public static final int TAG_LENGTH = 16;
  private static final byte[] EMPTY = new byte[0];

  private final ChaCha20Poly1305 aead = new ChaCha20Poly1305();
  private KeyParameter key;
  private long nonce;

  /** A CipherState with no key yet: encryption passes the plaintext through, as the Noise spec says. */
  public CipherState() {}

  CipherState(byte[] key) {
    initializeKey(key);
  }

  void initializeKey(byte[] k) {
    this.key = new KeyParameter(k.clone());
    this.nonce = 0;
  }

  public boolean hasKey() {
    return key != null;
  }

  public byte[] encryptWithAd(byte[] ad, byte[] plaintext) {
    return encryptWithAd(ad, plaintext, 0, plaintext.length);
  }

  public byte[] encryptWithAd(byte[] ad, byte[] plaintext, int offset, int length) {
    if (key == null) {
      return java.util.Arrays.copyOfRange(plaintext, offset, offset + length);
    }
    byte[] out = new byte[length + TAG_LENGTH];
    try {
      aead.init(true, new AEADParameters(key, TAG_LENGTH * 8, nextNonce(), ad == null ? EMPTY : ad));
      int n = aead.processBytes(plaintext, offset, length, out, 0);
      aead.doFinal(out, n);
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("ChaCha20-Poly1305 encryption failed", e);
    }
    return out;
  }

  /**
   * Encrypts {@code length} bytes into {@code out} at {@code outOffset} (which needs {@code length + 16} bytes) and
   * returns the ciphertext length; lets the transport reuse one buffer instead of allocating per message.
   */
  public int encryptWithAd(byte[] ad, byte[] plaintext, int offset, int length, byte[] out, int outOffset) {
    if (key == null) {
      System.arraycopy(plaintext, offset, out, outOffset, length);
      return length;
    }
    try {
      aead.init(true, new AEADParameters(key, TAG_LENGTH * 8, nextNonce(), ad == null ? EMPTY : ad));
      int n = aead.processBytes(plaintext, offset, length, out, outOffset);
      return n + aead.doFinal(out, outOffset + n);
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("ChaCha20-Poly1305 encryption failed", e);
    }
  }

  public byte[] decryptWithAd(byte[] ad, byte[] ciphertext) {
    return decryptWithAd(ad, ciphertext, 0, ciphertext.length);
  }

  public byte[] decryptWithAd(byte[] ad, byte[] ciphertext, int offset, int length) {
    if (key == null) {
      return java.util.Arrays.copyOfRange(ciphertext, offset, offset + length);
    }
    if (length < TAG_LENGTH) {
      throw new NoiseException("noise ciphertext of " + length + " bytes is shorter than the 16-byte tag");
    }
    byte[] out = new byte[length - TAG_LENGTH];
    long used = nonce;
    try {
      aead.init(false, new AEADParameters(key, TAG_LENGTH * 8, nextNonce(), ad == null ? EMPTY : ad));
      int n = aead.processBytes(ciphertext, offset, length, out, 0);
      aead.doFinal(out, n);
    } catch (InvalidCipherTextException | IllegalStateException e) {
      throw new NoiseException("noise message " + used + " failed authentication (bad MAC or wrong key)", e);
    }
    return out;
  }

  private byte[] nextNonce() {
    if (nonce == -1L) {
      // 2^64-1 is reserved; a connection never gets near it, but refuse rather than wrap.
      throw new NoiseException("noise nonce exhausted");
    }
    long n = nonce++;
    byte[] iv = new byte[12];
    for (int i = 0; i < 8; i++) {
      iv[4 + i] = (byte) (n >>> (8 * i));
    }
    return iv;
  }
}
