package venus.market.daemon.transfer;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import venus.market.p2p.P2pStream;
import venus.market.p2p.crypto.Ed25519;
import venus.market.p2p.host.Host;
import venus.market.p2p.host.HostConfig;
import venus.market.p2p.multiaddr.Multiaddr;

/**
 * A client's libp2p data server as boost's Libp2pCarServer behaves on the wire: HTTP/1.1 over streams of
 * {@value Libp2pPullSource#PROTOCOL}, the CAR chosen by the transfer token in {@code Authorization: Basic}
 * (password part), 401 for an unknown token, single ranges. Runs on its own market-p2p host on 127.0.0.1.
 */
final class Libp2pCarServer implements AutoCloseable {
  final CarOffers offers = new CarOffers();
  final Host host;

  Libp2pCarServer() throws IOException {
    host = new Host(HostConfig.defaults(Ed25519.generate())
        .withListenAddrs(List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/0"))));
    host.setStreamHandler(Libp2pPullSource.PROTOCOL, this::handle);
    host.start();
  }

  /** boost's client header for a transfer token (go's BasicAuth with an empty user name). */
  static String basic(String token) {
    return "Basic " + Base64.getEncoder().encodeToString((":" + token).getBytes(StandardCharsets.UTF_8));
  }

  /** Serves {@code car} to requests carrying {@code token}; the log names the request by the token. */
  void offer(String token, java.nio.file.Path car) {
    offers.offer(token, car, basic(token));
  }

  /** The transfer URL a boost client would send: libp2p://<multiaddr>/p2p/<peer>. */
  String url() {
    return Libp2pPullSource.SCHEME_PREFIX + host.listenAddrs().get(0).withPeerId(host.peerId());
  }

  private void handle(P2pStream s) throws IOException {
    InputStream in = new BufferedInputStream(s.in());
    String requestLine = line(in);
    Map<String, String> headers = new HashMap<>();
    for (String l = line(in); !l.isEmpty(); l = line(in)) {
      int c = l.indexOf(':');
      headers.put(l.substring(0, c).strip().toLowerCase(Locale.ROOT), l.substring(c + 1).strip());
    }
    OutputStream out = s.out();
    if (!requestLine.startsWith("GET / HTTP/1.1") || headers.get("host") == null) {
      out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      return;
    }
    String auth = headers.get("authorization");
    String token = offers.offers.entrySet().stream().filter(e -> e.getValue().authorization().equals(auth))
        .map(Map.Entry::getKey).findFirst().orElse(null);
    if (token == null) {
      offers.logged(new CarOffers.Served("?", 0, 401, 0));
      out.write("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      return;
    }
    CarOffers.Offer o = offers.offers.get(token);
    long size = Files.size(o.car());
    long[] range = CarOffers.range(headers.get("range"), size);
    long first = range == null ? 0 : range[0];
    long length = range == null ? size : range[1] - range[0] + 1;
    int code = range == null ? 200 : 206;
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(code).append(code == 200 ? " OK" : " Partial Content")
        .append("\r\nContent-Type: application/car\r\nContent-Length: ").append(length).append("\r\n");
    if (range != null) {
      head.append("Content-Range: bytes ").append(range[0]).append('-').append(range[1]).append('/').append(size)
          .append("\r\n");
    }
    out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
    CarOffers.Served[] record = new CarOffers.Served[1];
    try {
      offers.serve(o.car(), first, length, out, record, token, code);
    } catch (IOException e) {
      s.reset();
    } finally {
      offers.logged(record[0]);
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("request ended early");
      }
      if (c != '\r') {
        b.write(c);
      }
    }
    return b.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() {
    host.close();
  }
}
