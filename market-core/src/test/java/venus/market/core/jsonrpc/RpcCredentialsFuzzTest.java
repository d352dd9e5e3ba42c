package venus.market.core.jsonrpc;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Whatever arrives as a bearer token, and whatever an operator puts in an API info string or API multiaddr, fails
 * only with the API's own exceptions: RpcUnauthorizedException (401 with a reason) for tokens, ApiInfoException for
 * addresses. A token is never accepted unless it was signed with the secret.
 */
class RpcCredentialsFuzzTest {

  private static final JwtTokens TOKENS = new JwtTokens("fuzz-secret-0123456789abcdef0123".getBytes(StandardCharsets.UTF_8));

  @FuzzTest(maxDuration = "10s")
  void tokensAndApiInfoFailOnlyWithTheirExceptions(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    try {
      TOKENS.verify(text);
      throw new AssertionError("accepted a token not signed with the secret: " + text);
    } catch (RpcUnauthorizedException expected) {
      // the only allowed outcome for a fuzzed token
    }
    try {
      ApiInfo.parse(text).httpUrl("v0");
    } catch (ApiInfoException expected) {
      // rejected input is fine
    }
    try {
      Multiaddrs.toHostPort(text);
    } catch (ApiInfoException expected) {
      // rejected input is fine
    }
  }
}
