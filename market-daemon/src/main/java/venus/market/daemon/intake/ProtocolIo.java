package venus.market.daemon.intake;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import venus.market.daemon.net.CborFrames;
import venus.market.p2p.P2pStream;
import venus.market.p2p.StreamDeadline;

/** The request/answer framing the storage-market protocols share: one bare CBOR item each way (cborutil). */
final class ProtocolIo {
  /** Limit of one request; a proposal with a 256-byte label and http transfer headers is a few KiB. */
  static final int MAX_REQUEST_BYTES = 64 << 10;
  /** Reading the request, as boost's providerReadDeadline (and a slow-loris bound for the whole read). */
  static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
  /** Writing the answer, as boost's providerWriteDeadline. */
  static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);

  private ProtocolIo() {}

  /** Reads one CBOR item; a peer that does not finish it within {@link #READ_TIMEOUT} gets its stream reset. */
  static byte[] readRequest(P2pStream s, String what) throws IOException {
    s.setTimeout(READ_TIMEOUT);
    try (StreamDeadline limit = StreamDeadline.start(s, READ_TIMEOUT, what)) {
      return CborFrames.readItem(s.in(), MAX_REQUEST_BYTES);
    }
  }

  /** Writes the answer and half-closes; false if the peer was gone. */
  static boolean reply(P2pStream s, byte[] cbor) {
    try {
      s.setTimeout(WRITE_TIMEOUT);
      OutputStream out = s.out();
      out.write(cbor);
      out.flush();
      s.closeWrite();
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
