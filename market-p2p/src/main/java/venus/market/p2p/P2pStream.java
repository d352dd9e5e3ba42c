package venus.market.p2p;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import venus.market.p2p.peer.PeerId;

/**
 * One multiplexed libp2p stream after protocol negotiation, used with blocking I/O from a worker thread (never
 * from a Netty event loop). Reads and flow-controlled writes honour {@link #setTimeout}; a timeout throws
 * {@link java.net.SocketTimeoutException}; a reset by either side throws {@link IOException}.
 */
public interface P2pStream extends Closeable {

  PeerId remotePeer();

  /** The negotiated protocol id, e.g. {@code /fil/storage/mk/1.2.1}. */
  String protocol();

  InputStream in();

  OutputStream out();

  /** Deadline for each blocking read and each wait for send window. */
  void setTimeout(Duration timeout);

  /** Half-close: no more writes from us (yamux FIN / mplex close); the peer can still send. */
  void closeWrite() throws IOException;

  /** Abort both directions (yamux RST / mplex reset). */
  void reset();

  /** Half-close our side and stop reading; buffered unread data is dropped. */
  @Override
  void close();
}
