package venus.market.core.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ApiInfoTest {
  private static final String JWT =
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJBbGxvdyI6WyJyZWFkIl19.sig";

  @Test
  void tokenAndMultiaddr() {
    ApiInfo info = ApiInfo.parse(JWT + ":/ip4/127.0.0.1/tcp/1234/http");
    assertThat(info.token()).isEqualTo(JWT);
    assertThat(info.address()).isEqualTo("/ip4/127.0.0.1/tcp/1234/http");
    assertThat(info.httpUrl("v1")).isEqualTo(URI.create("http://127.0.0.1:1234/rpc/v1"));
    assertThat(info.wsUrl("v0")).isEqualTo(URI.create("ws://127.0.0.1:1234/rpc/v0"));
    assertThat(info.hostPort()).isEqualTo("127.0.0.1:1234");
    assertThat(info.toString()).doesNotContain(JWT);
  }

  @Test
  void bareMultiaddrsHaveNoToken() {
    ApiInfo info = ApiInfo.parse("/ip4/10.0.0.5/tcp/3453");
    assertThat(info.token()).isNull();
    assertThat(info.httpUrl("v0")).isEqualTo(URI.create("http://10.0.0.5:3453/rpc/v0"));
  }

  @Test
  void ip6AndDnsAndTls() {
    assertThat(ApiInfo.parse("t:/ip6/::1/tcp/1234/http").httpUrl("v1"))
        .isEqualTo(URI.create("http://[::1]:1234/rpc/v1"));
    assertThat(ApiInfo.parse("t:/dns4/node.example.org/tcp/443/wss").wsUrl("v1"))
        .isEqualTo(URI.create("wss://node.example.org:443/rpc/v1"));
    assertThat(ApiInfo.parse("/dns/lotus/tcp/1234/tls/http").httpUrl("v1"))
        .isEqualTo(URI.create("https://lotus:1234/rpc/v1"));
    assertThat(ApiInfo.parse("/dns6/lotus.local/tcp/1234/ws").httpUrl("v1"))
        .isEqualTo(URI.create("http://lotus.local:1234/rpc/v1"));
  }

  @Test
  void urls() {
    ApiInfo plain = ApiInfo.parse("http://127.0.0.1:1234");
    assertThat(plain.token()).isNull();
    assertThat(plain.httpUrl("v1")).isEqualTo(URI.create("http://127.0.0.1:1234/rpc/v1"));
    assertThat(plain.wsUrl("v1")).isEqualTo(URI.create("ws://127.0.0.1:1234/rpc/v1"));

    ApiInfo withToken = ApiInfo.parse(JWT + ":https://node.example.org/");
    assertThat(withToken.token()).isEqualTo(JWT);
    assertThat(withToken.httpUrl("v0")).isEqualTo(URI.create("https://node.example.org/rpc/v0"));
    assertThat(withToken.wsUrl("v0")).isEqualTo(URI.create("wss://node.example.org/rpc/v0"));

    // A URL that already names the RPC path is kept as given.
    assertThat(ApiInfo.parse("ws://127.0.0.1:1234/rpc/v1").httpUrl("v1"))
        .isEqualTo(URI.create("http://127.0.0.1:1234/rpc/v1"));
  }

  @Test
  void multipleInfos() {
    assertThat(ApiInfo.parseMulti("a:/ip4/1.2.3.4/tcp/1,b:/ip4/5.6.7.8/tcp/2"))
        .extracting(ApiInfo::token)
        .containsExactly("a", "b");
  }

  @Test
  void badAddressesNameTheProblem() {
    assertThatThrownBy(() -> ApiInfo.parse("")).isInstanceOf(ApiInfoException.class);
    assertThatThrownBy(() -> ApiInfo.parse("tok:").httpUrl("v1"))
        .isInstanceOf(ApiInfoException.class);
    assertThatThrownBy(() -> ApiInfo.parse("/ip4/300.1.1.1/tcp/1").httpUrl("v1"))
        .isInstanceOf(ApiInfoException.class)
        .hasMessageContaining("not an IPv4 address");
    assertThatThrownBy(() -> ApiInfo.parse("/ip4/1.1.1.1/udp/1").httpUrl("v1"))
        .isInstanceOf(ApiInfoException.class)
        .hasMessageContaining("expected /tcp/<port>");
    assertThatThrownBy(() -> ApiInfo.parse("/ip4/1.1.1.1/tcp/70000").httpUrl("v1"))
        .isInstanceOf(ApiInfoException.class)
        .hasMessageContaining("not a TCP port");
    assertThatThrownBy(() -> ApiInfo.parse("/ip4/1.1.1.1/tcp/1/p2p/Qm").httpUrl("v1"))
        .isInstanceOf(ApiInfoException.class)
        .hasMessageContaining("unsupported component");
    assertThatThrownBy(() -> ApiInfo.parse("/unix/tmp/sock").httpUrl("v1"))
        .isInstanceOf(ApiInfoException.class);
    assertThatThrownBy(() -> ApiInfo.parse("/ip6/1.2.3.4/tcp/1").httpUrl("v1"))
        .isInstanceOf(ApiInfoException.class)
        .hasMessageContaining("not an IPv6 address");
    assertThatThrownBy(() -> ApiInfo.parse("ftp://host/").httpUrl("v1"))
        .isInstanceOf(ApiInfoException.class)
        .hasMessageContaining("multiaddr");
  }
}
