package venus.market.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A network endpoint the test can pull the plug on: a TCP relay on a fixed loopback port in front of a server (here
 * s3proxy). {@link #cutAfter} takes it down by itself once that many request bytes went through — in the middle of
 * a request body, so the client sees its connection reset mid-upload and every new connection refused — and
 * {@link #up} brings it back on the same port.
 */
final class TcpRelay implements AutoCloseable {
  private final int port;
  private final int target;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicLong upstream = new AtomicLong();
  private volatile long cutAt = Long.MAX_VALUE;
  private volatile CountDownLatch cut = new CountDownLatch(1);
  private volatile ServerSocket listener;

  TcpRelay(int port, int target) {
    this.port = port;
    this.target = target;
  }

  int port() {
    return port;
  }

  /** Listens again on the same port; connections go to the target. */
  synchronized TcpRelay up() throws IOException {
    ServerSocket s = new ServerSocket();
    s.setReuseAddress(true);
    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
    listener = s;
    Thread t = new Thread(() -> accept(s), "relay-accept-" + port);
    t.setDaemon(true);
    t.start();
    return this;
  }

  /** Closes the port and resets every connection through it (SO_LINGER 0: the peer sees a reset, not an end). */
  synchronized void down() {
    cutAt = Long.MAX_VALUE;
    ServerSocket s = listener;
    listener = null;
    if (s != null) {
      try {
        s.close();
      } catch (IOException e) {
        // closed either way
      }
    }
    for (Socket c : open) {
      try {
        c.setSoLinger(true, 0);
        c.close();
      } catch (IOException e) {
        // closed either way
      }
    }
    open.clear();
    cut.countDown();
  }

  /** Goes {@link #down} by itself once {@code bytes} more request bytes have passed. */
  void cutAfter(long bytes) {
    cut = new CountDownLatch(1);
    cutAt = upstream.get() + bytes;
  }

  /** Whether the relay went down since the last {@link #cutAfter}. */
  boolean wasCut() {
    return cut.getCount() == 0;
  }

  /** Request bytes (client to server) relayed so far. */
  long upstreamBytes() {
    return upstream.get();
  }

  private void accept(ServerSocket s) {
    while (!s.isClosed()) {
      Socket client;
      try {
        client = s.accept();
      } catch (IOException e) {
        return; // closed by down()
      }
      try {
        Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
        open.add(client);
        open.add(server);
        pump(client, server, true);
        pump(server, client, false);
      } catch (IOException e) {
        closeQuietly(client);
      }
    }
  }

  private void pump(Socket from, Socket to, boolean request) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[64 << 10];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buf)) > 0) {
          if (request) {
            long before = upstream.get();
            int k = (int) Math.max(0, Math.min(n, cutAt - before));
            if (k < n) {
              out.write(buf, 0, k);
              upstream.addAndGet(k);
              out.flush();
              down();
              return;
            }
            upstream.addAndGet(n);
          }
          out.write(buf, 0, n);
        }
      } catch (IOException e) {
        // one side went away: close both below
      } finally {
        closeQuietly(from);
        closeQuietly(to);
        open.remove(from);
        open.remove(to);
      }
    }, "relay-" + (request ? "up-" : "down-") + port);
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // nothing to do
    }
  }

  @Override
  public void close() {
    down();
  }
}
