package venus.market.daemon.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * What a client controls in a transfer: the HTTP response a (libp2p) data server sends, its Content-Range, and the
 * transfer params JSON it put in the deal. The HTTP reader fails only with IOException and never yields more bytes
 * than it was given; the others fail only with TransferFailedException (no runtime exception from hostile input). Replays TransferDecodersFuzzTestInputs/.
 */
class TransferDecodersFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void httpResponsesFailOnlyWithIoException(byte[] input) {
    InputStream in = new ByteArrayInputStream(input);
    try {
      Http1.Head head = Http1.readHead(in);
      assertThat(head.status()).isBetween(0, 999);
      byte[] body = Http1.body(head, in).readNBytes(input.length + 1);
      assertThat(body.length).isLessThanOrEqualTo(input.length);
    } catch (IOException expected) {
      // refused or cut
    }
  }

  @FuzzTest(maxDuration = "10s")
  void contentRangeAndParamsFailOnlyWithTransferFailed(byte[] input) {
    String s = new String(input, StandardCharsets.UTF_8);
    try {
      new PullResponse(206, -1, s, InputStream.nullInputStream()).range().ifPresent(r -> {
        assertThat(r.first()).isNotNegative();
        assertThat(r.last()).isGreaterThanOrEqualTo(r.first());
      });
    } catch (TransferFailedException expected) {
      // refused
    }
    try {
      TransferRequest r = TransferRequest.parse(s);
      assertThat(r.url()).isNotBlank();
      r.scheme();
      assertThat(r.redactedUrl()).doesNotContain("?" + "\u0000");
    } catch (TransferFailedException expected) {
      // refused
    }
  }
}
