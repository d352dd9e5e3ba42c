package venus.market.core.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class JwtTokensTest {
  private static final byte[] SECRET =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private final JwtTokens tokens = new JwtTokens(SECRET);

  /** Builds an HS256 JWT by hand (independently of java-jwt), as lotus/venus-auth produce them. */
  private static String handMade(String payloadJson, byte[] secret) throws Exception {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String head =
        b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String body = b64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret, "HmacSHA256"));
    byte[] sig = mac.doFinal((head + "." + body).getBytes(StandardCharsets.US_ASCII));
    return head + "." + body + "." + b64.encodeToString(sig);
  }

  private static String payloadOf(String jwt) {
    return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
  }

  @Test
  void createdTokensUseTheLotusAllowPayload() {
    assertThat(payloadOf(tokens.create(Permission.READ))).isEqualTo("{\"Allow\":[\"read\"]}");
    assertThat(payloadOf(tokens.create(Permission.ADMIN)))
        .isEqualTo("{\"Allow\":[\"read\",\"write\",\"sign\",\"admin\"]}");
    assertThat(tokens.verify(tokens.create(Permission.SIGN)))
        .containsExactlyInAnyOrder(Permission.READ, Permission.WRITE, Permission.SIGN);
  }

  @Test
  void acceptsHandMadeLotusAndVenusAuthTokens() throws Exception {
    assertThat(tokens.verify(handMade("{\"Allow\":[\"read\",\"write\"]}", SECRET)))
        .containsExactlyInAnyOrder(Permission.READ, Permission.WRITE);
    assertThat(
            tokens.verify(handMade("{\"name\":\"sp1\",\"perm\":\"write\",\"ext\":\"\"}", SECRET)))
        .containsExactlyInAnyOrder(Permission.READ, Permission.WRITE);
    assertThat(
            tokens.verify(handMade("{\"name\":\"root\",\"perm\":\"admin\",\"ext\":\"\"}", SECRET)))
        .isEqualTo(EnumSet.allOf(Permission.class));
    // Permissions this node does not know grant nothing, but do not invalidate the token.
    assertThat(tokens.verify(handMade("{\"Allow\":[\"read\",\"future-perm\"]}", SECRET)))
        .containsExactly(Permission.READ);
  }

  @Test
  void venusStyleTokensRoundTrip() {
    String t = tokens.createVenusStyle("market", Permission.SIGN);
    assertThat(payloadOf(t)).contains("\"perm\":\"sign\"").contains("\"name\":\"market\"");
    assertThat(tokens.verify(t))
        .containsExactlyInAnyOrder(Permission.READ, Permission.WRITE, Permission.SIGN);
  }

  @Test
  void rejectsForgedTamperedExpiredAndMalformedTokens() throws Exception {
    assertThatThrownBy(
            () -> tokens.verify(handMade("{\"Allow\":[\"admin\"]}", "wrong-secret".getBytes())))
        .isInstanceOf(RpcUnauthorizedException.class)
        .hasMessageContaining("signature is invalid");

    String good = tokens.create(Permission.READ);
    String[] parts = good.split("\\.");
    String elevated =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    "{\"Allow\":[\"read\",\"write\",\"sign\",\"admin\"]}"
                        .getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    assertThatThrownBy(() -> tokens.verify(elevated)).isInstanceOf(RpcUnauthorizedException.class);

    String expired =
        tokens.createAllow(EnumSet.of(Permission.READ), Instant.now().minusSeconds(10));
    assertThatThrownBy(() -> tokens.verify(expired))
        .isInstanceOf(RpcUnauthorizedException.class)
        .hasMessageContaining("expired");

    assertThatThrownBy(() -> tokens.verify("garbage"))
        .isInstanceOf(RpcUnauthorizedException.class)
        .hasMessageContaining("malformed");
    assertThatThrownBy(() -> tokens.verify(handMade("{\"name\":\"x\"}", SECRET)))
        .isInstanceOf(RpcUnauthorizedException.class)
        .hasMessageContaining("neither an Allow list nor a perm");
    assertThatThrownBy(() -> tokens.verify(handMade("{\"perm\":\"root\"}", SECRET)))
        .isInstanceOf(RpcUnauthorizedException.class)
        .hasMessageContaining("unknown permission 'root'");
    assertThatThrownBy(() -> tokens.verify(handMade("{\"Allow\":\"admin\"}", SECRET)))
        .isInstanceOf(RpcUnauthorizedException.class)
        .hasMessageContaining("not a list");
  }

  @Test
  void rejectsAlgNone() {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String none =
        b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + b64.encodeToString("{\"Allow\":[\"admin\"]}".getBytes(StandardCharsets.UTF_8))
            + ".";
    assertThatThrownBy(() -> tokens.verify(none)).isInstanceOf(RpcUnauthorizedException.class);
  }

  @Test
  void permissionNames() {
    assertThat(Permission.parse("Write")).isEqualTo(Permission.WRITE);
    assertThat(Permission.WRITE.andLower()).containsExactly(Permission.READ, Permission.WRITE);
    assertThatThrownBy(() -> Permission.parse("root"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected read, write, sign or admin");
    assertThatThrownBy(() -> new JwtTokens(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
