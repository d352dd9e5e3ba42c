package venus.market.daemon.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The HTTP/1.1 framing used over libp2p streams. */
class Http1Test {
  static InputStream in(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1));
  }

  static String body(String response) throws IOException {
    InputStream in = in(response);
    Http1.Head h = Http1.readHead(in);
    return new String(Http1.body(h, in).readAllBytes(), StandardCharsets.ISO_8859_1);
  }

  @Test
  void writesAGoStyleRequestWithRangeAndTheClientsHeaders() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Http1.writeGet(out, "/", "12D3KooWpeer", Map.of("Authorization", "Basic OnRvaw==", "Host", "ignored"), 1234);
    String req = out.toString(StandardCharsets.ISO_8859_1);
    assertThat(req).startsWith("GET / HTTP/1.1\r\nHost: 12D3KooWpeer\r\n").contains("Authorization: Basic OnRvaw==\r\n")
        .contains("Range: bytes=1234-\r\n").endsWith("Connection: close\r\n\r\n").doesNotContain("ignored");
  }

  @Test
  void framesBodiesByLengthByChunksAndByEndOfStream() throws Exception {
    assertThat(body("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhelloEXTRA")).isEqualTo("hello");
    assertThat(body("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nTrailer: x\r\n\r\n")).isEqualTo("hello world");
    assertThat(body("HTTP/1.0 200 OK\r\n\r\nuntil the end")).isEqualTo("until the end");
    Http1.Head h = Http1.readHead(in("HTTP/1.1 206 Partial Content\r\ncontent-range: bytes 5-9/10\r\n\r\n"));
    assertThat(h.status()).isEqualTo(206);
    assertThat(h.reason()).isEqualTo("Partial Content");
    assertThat(h.headers()).containsEntry("content-range", "bytes 5-9/10");
  }

  @Test
  void cutOrHostileResponsesAreErrors() {
    assertThatThrownBy(() -> body("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort"))
        .isInstanceOf(EOFException.class).hasMessageContaining("5 bytes before its Content-Length");
    assertThatThrownBy(() -> body("SSH-2.0-OpenSSH\r\n\r\n")).hasMessageContaining("not an HTTP/1.x response");
    assertThatThrownBy(() -> body("HTTP/1.1 200 OK\r\nX: " + "a".repeat(70_000) + "\r\n\r\n"))
        .hasMessageContaining("longer than");
    assertThatThrownBy(() -> body("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"))
        .hasMessageContaining("bad chunk size");
    assertThatThrownBy(() -> body("HTTP/1.1 200 OK\r\nContent-Length: -3\r\n\r\n"))
        .hasMessageContaining("bad Content-Length");
    assertThatThrownBy(() -> body("HTTP/1.1 200 OK\r\nContent-Length: +3\r\n\r\nabc"))
        .hasMessageContaining("bad Content-Length");
    // fuzzer finding (negative-status): Integer.parseInt took "-06" as a status code
    assertThatThrownBy(() -> body("HTTP/1.1 -06 Partial\r\n\r\n")).hasMessageContaining("bad HTTP status line");
    assertThatThrownBy(() -> body("HTTP/1.1 +20 OK\r\n\r\n")).hasMessageContaining("bad HTTP status line");
  }

  @Test
  void contentRangeIsParsedStrictly() throws Exception {
    PullResponse ok = new PullResponse(206, 5, "bytes 5-9/10", InputStream.nullInputStream());
    assertThat(ok.range()).hasValue(new PullResponse.Range(5, 9, 10));
    assertThat(new PullResponse(206, 5, "bytes 5-9/*", InputStream.nullInputStream()).range().get().total())
        .isEqualTo(-1);
    assertThatThrownBy(() -> new PullResponse(206, 5, "bytes 9-5/10", InputStream.nullInputStream()).range())
        .isInstanceOf(TransferFailedException.class).hasMessageContaining("invalid Content-Range");
  }
}
