package venus.market.daemon.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TransferRequestTest {
  @Test
  void parsesBoostHttpRequestJsonWithGoCaseInsensitiveNames() throws Exception {
    TransferRequest r = TransferRequest.parse(
        "{\"URL\":\"http://127.0.0.1:8080/deals/x\",\"Headers\":{\"Authorization\":\"Bearer abc\"}}");
    assertThat(r.url()).isEqualTo("http://127.0.0.1:8080/deals/x");
    assertThat(r.headers()).isEqualTo(Map.of("Authorization", "Bearer abc"));
    assertThat(TransferRequest.parse("{\"url\":\"https://h/x\",\"headers\":null}").scheme()).isEqualTo("https");
    assertThat(TransferRequest.parse("{\"Url\":\"libp2p:///ip4/127.0.0.1/tcp/1/p2p/12D3KooW\"}").scheme())
        .isEqualTo("libp2p");
  }

  @Test
  void neverShowsHeaderValuesOrQueryStrings() throws Exception {
    TransferRequest r = TransferRequest.parse(
        "{\"URL\":\"http://127.0.0.1/deals/x?token=hunter2\",\"Headers\":{\"Authorization\":\"Bearer hunter2\"}}");
    assertThat(r.toString()).doesNotContain("hunter2").contains("Authorization");
    assertThat(r.redactedUrl()).isEqualTo("http://127.0.0.1/deals/x?…");
  }

  @Test
  void badParamsAreClearErrorsThatDoNotEchoThem() {
    assertThatThrownBy(() -> TransferRequest.parse("not json hunter2")).isInstanceOf(TransferFailedException.class)
        .hasMessageContaining("not JSON").hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> TransferRequest.parse("{\"Headers\":{}}")).hasMessageContaining("no URL");
    assertThatThrownBy(() -> TransferRequest.parse("[1]")).hasMessageContaining("not a JSON object");
    assertThatThrownBy(() -> TransferRequest.parse("{\"URL\":\"http://h/\",\"Headers\":{\"X\":\"a\\r\\nEvil: 1\"}}"))
        .hasMessageContaining("not a valid HTTP header").hasMessageNotContaining("Evil");
    assertThatThrownBy(() -> TransferRequest.parse("{\"URL\":\"h/x\"}").scheme()).hasMessageContaining("no scheme");
  }
}
