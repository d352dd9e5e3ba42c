package venus.market.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import venus.market.p2p.P2pStream;
import venus.market.p2p.crypto.Ed25519;
import venus.market.p2p.host.Host;
import venus.market.p2p.host.HostConfig;
import venus.market.p2p.multiaddr.Multiaddr;
import venus.market.p2p.yamux.YamuxSession;

/**
 * Echo of {@link #BYTES_PER_OP} bytes on loopback, in {@link #CHUNK}-byte round trips: over one libp2p stream
 * (Noise + yamux, our host on both ends) and, as the limit, over a plain TCP socket with the same pattern.
 * One op = 1 MiB echoed, so ops/s = MiB/s each way.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class P2pEchoBenchmark {

  public static final int CHUNK = 64 * 1024;
  public static final int BYTES_PER_OP = 1 << 20;
  private static final String ECHO = "/bench/echo/1.0.0";

  private Host server;
  private Host client;
  private P2pStream stream;
  private ServerSocket rawServer;
  private Socket raw;
  private final byte[] out = new byte[CHUNK];
  private final byte[] in = new byte[CHUNK];

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    List<Multiaddr> loopback = List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/0"));
    server = new Host(HostConfig.defaults(Ed25519.generate()).withListenAddrs(loopback)
        .withMuxers(List.of(YamuxSession.PROTOCOL_ID)));
    server.setStreamHandler(ECHO, s -> echo(s.in(), s.out()));
    server.start();
    client = new Host(HostConfig.defaults(Ed25519.generate()).withMuxers(List.of(YamuxSession.PROTOCOL_ID)));
    stream = client.newStream(server.listenAddrs().get(0).withPeerId(server.peerId()), List.of(ECHO));

    rawServer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    Thread t = new Thread(() -> {
      try (Socket s = rawServer.accept()) {
        s.setTcpNoDelay(true);
        echo(s.getInputStream(), s.getOutputStream());
      } catch (IOException e) {
        // closed at tear-down
      }
    }, "raw-echo");
    t.setDaemon(true);
    t.start();
    raw = new Socket();
    raw.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), rawServer.getLocalPort()));
    raw.setTcpNoDelay(true);
  }

  private static void echo(InputStream in, OutputStream out) throws IOException {
    byte[] buf = new byte[CHUNK];
    int n;
    while ((n = in.read(buf)) >= 0) {
      out.write(buf, 0, n);
    }
  }

  @Benchmark
  public int yamuxStream() throws IOException {
    return roundTrips(stream.in(), stream.out());
  }

  @Benchmark
  public int rawTcp() throws IOException {
    return roundTrips(raw.getInputStream(), raw.getOutputStream());
  }

  private int roundTrips(InputStream is, OutputStream os) throws IOException {
    int sum = 0;
    for (int done = 0; done < BYTES_PER_OP; done += CHUNK) {
      out[0] = (byte) done;
      os.write(out);
      int got = is.readNBytes(in, 0, CHUNK);
      if (got != CHUNK) {
        throw new IOException("echo ended early");
      }
      sum += in[0];
    }
    return sum;
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    stream.close();
    client.close();
    server.close();
    raw.close();
    rawServer.close();
  }
}
