package venus.market.core.jsonrpc;

import java.util.Set;

/** Turns a bearer token into the permissions it grants. */
@FunctionalInterface
public interface TokenVerifier {
  /**
   * @return the granted permissions (possibly empty)
   * @throws RpcUnauthorizedException if the token is forged, expired or malformed; the message says
   *     which
   */
  Set<Permission> verify(String token);
}
