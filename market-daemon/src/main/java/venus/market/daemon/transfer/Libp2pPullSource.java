package venus.market.daemon.transfer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import venus.market.p2p.P2pException;
import venus.market.p2p.P2pStream;
import venus.market.p2p.host.Host;
import venus.market.p2p.multiaddr.Multiaddr;
import venus.market.p2p.multistream.MultistreamException;
import venus.market.p2p.peer.PeerId;

/**
 * boost's "libp2p" transfer: HTTP/1.1 over a libp2p stream (go-libp2p-http) negotiated as
 * {@value #PROTOCOL}. The URL is {@code libp2p://<multiaddr>/p2p/<peer id>} (boost util.ParseUrl: exactly one
 * address); the request goes to path "/" with {@code Host: <peer id>}, one request per stream, and the client's
 * headers (boost's client sends {@code Authorization: Basic} with the transfer token as password).
 */
final class Libp2pPullSource implements PullSource {
  /** boost transport/types.DataTransferProtocol. */
  static final String PROTOCOL = "/fil/storage/transfer/1.0.0";
  static final String SCHEME_PREFIX = "libp2p://";

  private final Host host;
  private final TransferRequest request;
  private final Multiaddr addr;
  private final PeerId peer;
  private final java.time.Duration stall;
  private volatile P2pStream stream;
  private volatile boolean closed;

  Libp2pPullSource(Host host, TransferRequest request, java.time.Duration stall) throws TransferFailedException {
    this.host = host;
    this.request = request;
    this.stall = stall;
    if (!request.url().startsWith(SCHEME_PREFIX)) {
      throw new TransferFailedException("libp2p transfer URL must start with " + SCHEME_PREFIX + ", got "
          + request.redactedUrl());
    }
    try {
      this.addr = Multiaddr.parse(request.url().substring(SCHEME_PREFIX.length()));
    } catch (RuntimeException e) {
      throw new TransferFailedException("libp2p transfer URL " + request.redactedUrl() + " is not "
          + "libp2p://<multiaddr>/p2p/<peer id>: " + e.getMessage());
    }
    this.peer = addr.peerId().orElseThrow(() -> new TransferFailedException("libp2p transfer URL "
        + request.redactedUrl() + " has no /p2p/<peer id>"));
  }

  @Override
  public PullResponse get(long offset) throws IOException, TransferFailedException {
    if (closed) {
      throw new IOException("transfer stopped");
    }
    P2pStream s;
    try {
      s = host.newStream(peer, List.of(addr.withoutPeerId()), List.of(PROTOCOL));
    } catch (MultistreamException e) {
      throw new TransferFailedException("client peer " + peer + " does not serve " + PROTOCOL + ": "
          + e.getMessage());
    } catch (P2pException e) {
      throw new IOException("cannot open " + PROTOCOL + " to " + peer + ": " + e.getMessage(), e);
    }
    stream = s;
    if (closed) {
      s.reset();
      throw new IOException("transfer stopped");
    }
    try {
      s.setTimeout(stall);
      Http1.writeGet(s.out(), "/", peer.toString(), request.headers(), offset);
      InputStream in = new BufferedInputStream(s.in(), 1 << 16);
      Http1.Head head = Http1.readHead(in);
      InputStream body = new StreamBody(Http1.body(head, in), s);
      return new PullResponse(head.status(), Http1.contentLength(head), head.headers().get("content-range"), body);
    } catch (IOException | RuntimeException e) {
      s.reset();
      throw e instanceof IOException io ? io : new IOException(e.toString(), e);
    }
  }

  @Override
  public String describe() {
    return request.redactedUrl();
  }

  @Override
  public void close() {
    closed = true;
    P2pStream s = stream;
    if (s != null) {
      s.reset();
    }
  }

  /** Closing the body ends the stream: reset if the body was not read to its end, so the server stops sending. */
  private static final class StreamBody extends java.io.FilterInputStream {
    private final P2pStream stream;
    private boolean ended;

    StreamBody(InputStream body, P2pStream stream) {
      super(body);
      this.stream = stream;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n < 0) {
        ended = true;
      }
      return n;
    }

    @Override
    public void close() {
      if (ended) {
        stream.close();
      } else {
        stream.reset();
      }
    }
  }
}
