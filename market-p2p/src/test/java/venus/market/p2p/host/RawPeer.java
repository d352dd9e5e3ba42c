package venus.market.p2p.host;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import venus.market.p2p.crypto.PrivKey;
import venus.market.p2p.multistream.Multistream;
import venus.market.p2p.noise.CipherState;
import venus.market.p2p.noise.NoiseHandshakePayload;
import venus.market.p2p.noise.X25519Keys;
import venus.market.p2p.noise.XxHandshake;

/** A hand-driven libp2p dialer on a plain socket, for feeding a host bad input at each layer. */
final class RawPeer implements AutoCloseable {

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private CipherState send;
  private CipherState receive;
  private InputStream plain = new ByteArrayInputStream(new byte[0]);

  RawPeer(InetSocketAddress addr) throws IOException {
    socket = new Socket();
    socket.connect(addr, 5000);
    socket.setSoTimeout(10_000);
    in = new DataInputStream(socket.getInputStream());
    out = socket.getOutputStream();
  }

  void writeRaw(byte[] b) throws IOException {
    out.write(b);
    out.flush();
  }

  /** multistream-select /noise on the raw socket. */
  void selectNoise() throws IOException {
    writeRaw(concat(Multistream.encode(Multistream.PROTOCOL_ID), Multistream.encode("/noise")));
    expect(Multistream.read(in), Multistream.PROTOCOL_ID);
    expect(Multistream.read(in), "/noise");
  }

  /** Noise XX as initiator; {@code signer} signs, while {@code claimed} is the key put in the payload. */
  void noise(PrivKey claimed, PrivKey signer) throws IOException {
    XxHandshake hs = XxHandshake.initiator(X25519Keys.generatePrivate());
    frame(hs.writeMessage(new byte[0]));
    hs.readMessage(readFrame());
    byte[] prefix = NoiseHandshakePayload.SIGNATURE_PREFIX.getBytes(StandardCharsets.US_ASCII);
    byte[] sig = signer.sign(concat(prefix, hs.localStaticPublicKey()));
    frame(hs.writeMessage(new NoiseHandshakePayload(claimed.publicKey().bytes(), sig, List.of()).encode()));
    send = hs.sendCipher();
    receive = hs.receiveCipher();
  }

  /** multistream-select of a muxer inside Noise. */
  void selectMuxer(String muxer) throws IOException {
    writeSecure(concat(Multistream.encode(Multistream.PROTOCOL_ID), Multistream.encode(muxer)));
    expect(Multistream.read(plainIn()), Multistream.PROTOCOL_ID);
    expect(Multistream.read(plainIn()), muxer);
  }

  void writeSecure(byte[] plaintext) throws IOException {
    frame(send.encryptWithAd(null, plaintext));
  }

  /** True if the host closes the connection within {@code seconds} (everything it sends meanwhile is ignored). */
  boolean closedByPeerWithin(int seconds) throws IOException {
    socket.setSoTimeout(seconds * 1000);
    byte[] buf = new byte[4096];
    try {
      while (in.read(buf) >= 0) {
        // drain
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset by peer
    }
  }

  private InputStream plainIn() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        int b = plain.read();
        while (b < 0) {
          plain = new ByteArrayInputStream(receive.decryptWithAd(null, readFrame()));
          b = plain.read();
        }
        return b;
      }
    };
  }

  private void frame(byte[] msg) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(msg.length >> 8);
    b.write(msg.length);
    b.write(msg);
    writeRaw(b.toByteArray());
  }

  private byte[] readFrame() throws IOException {
    int len = in.readUnsignedShort();
    byte[] m = new byte[len];
    in.readFully(m);
    return m;
  }

  private static void expect(String got, String want) {
    if (!got.equals(want)) {
      throw new AssertionError("expected " + want + ", got " + got);
    }
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
