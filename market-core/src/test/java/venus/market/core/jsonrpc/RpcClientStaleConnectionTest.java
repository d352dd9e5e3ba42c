package venus.market.core.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A connection the server closes without answering (what a pooled keep-alive connection closed while idle looks like
 * to the JDK client) is tried once more on a fresh connection, and only once.
 */
class RpcClientStaleConnectionTest {

  /** Serves on loopback: the first {@code closeFirst} connections are closed after the request is read. */
  private static final class OneShotServer implements AutoCloseable {
    final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    final AtomicInteger accepted = new AtomicInteger();
    final Thread thread;

    OneShotServer(int closeFirst) throws IOException {
      thread = new Thread(() -> {
        while (!socket.isClosed()) {
          try (Socket s = socket.accept()) {
            int n = accepted.incrementAndGet();
            String body = readRequestBody(s.getInputStream());
            if (n > closeFirst) {
              long id = new ObjectMapper().readTree(body).get("id").asLong();
              byte[] reply = ("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":\"ok\"}")
                  .getBytes(StandardCharsets.UTF_8);
              s.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                  + reply.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
              s.getOutputStream().write(reply);
              s.getOutputStream().flush();
            }
          } catch (IOException e) {
            return;
          }
        }
      }, "one-shot-http");
      thread.setDaemon(true);
      thread.start();
    }

    URI uri() {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/rpc/v1");
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  private static String readRequestBody(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("request ended in its head");
      }
      head.write(b);
    }
    int length = 0;
    for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
      if (line.toLowerCase().startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  private static RpcClient client(URI uri) {
    return new RpcClient(uri, null, new ObjectMapper(), Duration.ofSeconds(10));
  }

  @Test
  void aConnectionClosedWithoutAReplyIsRetriedOnce() throws Exception {
    try (OneShotServer server = new OneShotServer(1)) {
      assertThat(client(server.uri()).call("Filecoin.Version", String.class)).isEqualTo("ok");
      assertThat(server.accepted).hasValue(2);
    }
  }

  @Test
  void aSecondSilentCloseIsReportedNotRetriedForever() throws Exception {
    try (OneShotServer server = new OneShotServer(Integer.MAX_VALUE)) {
      assertThatThrownBy(() -> client(server.uri()).call("Filecoin.Version", String.class))
          .isInstanceOf(RpcTransportException.class)
          .hasMessageContaining("Filecoin.Version: cannot reach " + server.uri());
      assertThat(server.accepted).hasValue(2);
    }
  }
}
