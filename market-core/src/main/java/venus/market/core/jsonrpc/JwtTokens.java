package venus.market.core.jsonrpc;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.AlgorithmMismatchException;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * HS256 API tokens in the two payload styles the Filecoin tools use: lotus/venus {@code
 * {"Allow":["read",...]}} (the listed permissions exactly) and venus-auth {@code
 * {"name":..,"perm":"write"}} (that level and all lower).
 */
public final class JwtTokens implements TokenVerifier {
  static final String ALLOW_CLAIM = "Allow";
  static final String PERM_CLAIM = "perm";
  static final String NAME_CLAIM = "name";

  private final Algorithm algorithm;
  private final JWTVerifier verifier;

  /**
   * @param secret the raw HMAC key (lotus: the PrivateKey bytes of the node's "auth-jwt-private"
   *     key)
   */
  public JwtTokens(byte[] secret) {
    if (secret == null || secret.length == 0) {
      throw new IllegalArgumentException("JWT secret must not be empty");
    }
    this.algorithm = Algorithm.HMAC256(secret.clone());
    this.verifier = JWT.require(algorithm).build();
  }

  /** A lotus-style token whose Allow list is {@code perm} and every lower permission. */
  public String create(Permission perm) {
    return createAllow(perm.andLower(), null);
  }

  /**
   * A lotus-style token with exactly these permissions, expiring at {@code expiresAt} if not null.
   */
  public String createAllow(Set<Permission> perms, Instant expiresAt) {
    EnumSet<Permission> ordered = EnumSet.noneOf(Permission.class);
    ordered.addAll(perms);
    List<String> allow = new ArrayList<>();
    for (Permission p : ordered) {
      allow.add(p.wireName());
    }
    var builder = JWT.create().withClaim(ALLOW_CLAIM, allow);
    if (expiresAt != null) {
      builder.withExpiresAt(expiresAt);
    }
    return builder.sign(algorithm);
  }

  /** A venus-auth-style token {@code {"name":name,"perm":perm}}. */
  public String createVenusStyle(String name, Permission perm) {
    return JWT.create()
        .withClaim(NAME_CLAIM, name)
        .withClaim(PERM_CLAIM, perm.wireName())
        .sign(algorithm);
  }

  @Override
  public Set<Permission> verify(String token) {
    DecodedJWT jwt;
    try {
      jwt = verifier.verify(token);
    } catch (TokenExpiredException e) {
      throw new RpcUnauthorizedException("API token expired at " + e.getExpiredOn(), e);
    } catch (SignatureVerificationException | AlgorithmMismatchException e) {
      throw new RpcUnauthorizedException(
          "API token signature is invalid (token not issued with this node's secret)", e);
    } catch (JWTDecodeException e) {
      throw new RpcUnauthorizedException("API token is malformed: " + e.getMessage(), e);
    } catch (JWTVerificationException e) {
      throw new RpcUnauthorizedException("API token rejected: " + e.getMessage(), e);
    }
    return permissionsOf(jwt);
  }

  private static Set<Permission> permissionsOf(DecodedJWT jwt) {
    Claim allow = jwt.getClaim(ALLOW_CLAIM);
    if (!allow.isMissing() && !allow.isNull()) {
      List<String> names;
      try {
        names = allow.asList(String.class);
      } catch (JWTDecodeException e) {
        names = null;
      }
      if (names == null) {
        throw new RpcUnauthorizedException(
            "API token's Allow claim is not a list of permission names");
      }
      EnumSet<Permission> out = EnumSet.noneOf(Permission.class);
      for (String n : names) {
        try {
          out.add(Permission.parse(n));
        } catch (IllegalArgumentException ignored) {
          // Newer nodes may define more permissions; an unknown one grants nothing here.
        }
      }
      return Collections.unmodifiableSet(out);
    }
    Claim perm = jwt.getClaim(PERM_CLAIM);
    if (!perm.isMissing() && !perm.isNull() && perm.asString() != null) {
      try {
        return Collections.unmodifiableSet(Permission.parse(perm.asString()).andLower());
      } catch (IllegalArgumentException e) {
        throw new RpcUnauthorizedException("API token's perm claim: " + e.getMessage());
      }
    }
    throw new RpcUnauthorizedException(
        "API token grants nothing: it has neither an Allow list nor a perm claim");
  }
}
