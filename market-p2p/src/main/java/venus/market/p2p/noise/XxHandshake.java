package venus.market.p2p.noise;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The Noise XX handshake state machine ({@code Noise_XX_25519_ChaChaPoly_SHA256}) with no I/O: the caller moves
 * the three messages. Pattern: {@code -> e}, {@code <- e, ee, s, es}, {@code -> s, se}.
 */
public final class XxHandshake {

  public static final String PROTOCOL_NAME = "Noise_XX_25519_ChaChaPoly_SHA256";
  private static final int KEY = X25519Keys.KEY_LENGTH;
  private static final int TAG = CipherState.TAG_LENGTH;

  private final boolean initiator;
  private final SymmetricState ss = new SymmetricState(PROTOCOL_NAME);
  private final byte[] staticPrivate;
  private final byte[] staticPublic;
  private final Supplier<byte[]> ephemeralSource;
  private byte[] ephemeralPrivate;
  private byte[] remoteEphemeral;
  private byte[] remoteStatic;
  private int step;
  private CipherState[] split;

  private XxHandshake(boolean initiator, byte[] staticPrivate, byte[] prologue, Supplier<byte[]> ephemeralSource) {
    this.initiator = initiator;
    this.staticPrivate = staticPrivate.clone();
    this.staticPublic = X25519Keys.publicKey(this.staticPrivate);
    this.ephemeralSource = ephemeralSource;
    ss.mixHash(prologue == null ? new byte[0] : prologue);
  }

  public static XxHandshake initiator(byte[] staticPrivate) {
    return new XxHandshake(true, staticPrivate, null, X25519Keys::generatePrivate);
  }

  public static XxHandshake responder(byte[] staticPrivate) {
    return new XxHandshake(false, staticPrivate, null, X25519Keys::generatePrivate);
  }

  /** For known-answer tests: a fixed prologue and ephemeral key. */
  static XxHandshake create(boolean initiator, byte[] staticPrivate, byte[] prologue, byte[] ephemeralPrivate) {
    return new XxHandshake(initiator, staticPrivate, prologue, ephemeralPrivate::clone);
  }

  public boolean isInitiator() {
    return initiator;
  }

  public boolean isComplete() {
    return step == 3;
  }

  /** Whether the next message is ours to write. */
  public boolean isMyTurn() {
    return !isComplete() && (step % 2 == 0) == initiator;
  }

  public byte[] localStaticPublicKey() {
    return staticPublic.clone();
  }

  /** The peer's Noise static key, known after message 2 (initiator) or 3 (responder). */
  public byte[] remoteStaticPublicKey() {
    return remoteStatic == null ? null : remoteStatic.clone();
  }

  public byte[] handshakeHash() {
    return ss.handshakeHash();
  }

  public byte[] writeMessage(byte[] payload) {
    if (!isMyTurn()) {
      throw new IllegalStateException("noise XX: not our turn to write (step " + step + ")");
    }
    byte[] out;
    switch (step) {
      case 0 -> {
        byte[] e = newEphemeral();
        out = concat(e, ss.encryptAndHash(payload));
      }
      case 1 -> {
        byte[] e = newEphemeral();
        ss.mixKey(X25519Keys.dh(ephemeralPrivate, remoteEphemeral));
        byte[] s = ss.encryptAndHash(staticPublic);
        ss.mixKey(X25519Keys.dh(staticPrivate, remoteEphemeral));
        out = concat(e, s, ss.encryptAndHash(payload));
      }
      default -> {
        byte[] s = ss.encryptAndHash(staticPublic);
        ss.mixKey(X25519Keys.dh(staticPrivate, remoteEphemeral));
        out = concat(s, ss.encryptAndHash(payload));
      }
    }
    advance();
    return out;
  }

  /** Processes the peer's next handshake message and returns its (decrypted) payload. */
  public byte[] readMessage(byte[] message) {
    if (isComplete() || isMyTurn()) {
      throw new NoiseException("noise XX: unexpected handshake message at step " + step);
    }
    byte[] payload;
    switch (step) {
      case 0 -> {
        requireLength(message, KEY);
        remoteEphemeral = Arrays.copyOf(message, KEY);
        ss.mixHash(remoteEphemeral);
        payload = ss.decryptAndHash(Arrays.copyOfRange(message, KEY, message.length));
      }
      case 1 -> {
        requireLength(message, KEY + KEY + TAG + TAG);
        remoteEphemeral = Arrays.copyOf(message, KEY);
        ss.mixHash(remoteEphemeral);
        ss.mixKey(X25519Keys.dh(ephemeralPrivate, remoteEphemeral));
        remoteStatic = ss.decryptAndHash(Arrays.copyOfRange(message, KEY, KEY + KEY + TAG));
        ss.mixKey(X25519Keys.dh(ephemeralPrivate, remoteStatic));
        payload = ss.decryptAndHash(Arrays.copyOfRange(message, KEY + KEY + TAG, message.length));
      }
      default -> {
        requireLength(message, KEY + TAG + TAG);
        remoteStatic = ss.decryptAndHash(Arrays.copyOf(message, KEY + TAG));
        ss.mixKey(X25519Keys.dh(ephemeralPrivate, remoteStatic));
        payload = ss.decryptAndHash(Arrays.copyOfRange(message, KEY + TAG, message.length));
      }
    }
    advance();
    return payload;
  }

  /** Cipher for what this side sends, once the handshake is complete. */
  public CipherState sendCipher() {
    requireComplete();
    return initiator ? split[0] : split[1];
  }

  /** Cipher for what this side receives, once the handshake is complete. */
  public CipherState receiveCipher() {
    requireComplete();
    return initiator ? split[1] : split[0];
  }

  private byte[] newEphemeral() {
    ephemeralPrivate = ephemeralSource.get();
    byte[] e = X25519Keys.publicKey(ephemeralPrivate);
    ss.mixHash(e);
    return e;
  }

  private void advance() {
    step++;
    if (step == 3) {
      split = ss.split();
    }
  }

  private void requireComplete() {
    if (!isComplete()) {
      throw new IllegalStateException("noise XX handshake is not complete");
    }
  }

  private void requireLength(byte[] message, int min) {
    if (message.length < min) {
      throw new NoiseException("noise XX message " + (step + 1) + " is " + message.length
          + " bytes; at least " + min + " expected");
    }
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int o = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, o, p.length);
      o += p.length;
    }
    return out;
  }
}
