package venus.market.core.jsonrpc;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How a server authenticates callers.
 *
 * @param verifier checks bearer tokens
 * @param anonymous what a caller without a token gets; lotus grants read. Empty = a token is
 *     required (401)
 */
public record RpcAuthPolicy(TokenVerifier verifier, Set<Permission> anonymous) {
  public RpcAuthPolicy {
    Objects.requireNonNull(verifier, "verifier");
    EnumSet<Permission> copy = EnumSet.noneOf(Permission.class);
    copy.addAll(anonymous);
    anonymous = Set.copyOf(copy);
  }

  /** Lotus behaviour: tokens as verified, no token = read only. */
  public static RpcAuthPolicy lotusDefault(TokenVerifier verifier) {
    return new RpcAuthPolicy(verifier, EnumSet.of(Permission.READ));
  }

  /** Every call needs a valid token. */
  public static RpcAuthPolicy tokenRequired(TokenVerifier verifier) {
    return new RpcAuthPolicy(verifier, EnumSet.noneOf(Permission.class));
  }
}
