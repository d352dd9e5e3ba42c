package venus.market.daemon.rpc;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import venus.market.core.jsonrpc.JwtTokens;
import venus.market.core.jsonrpc.Permission;
import venus.market.core.jsonrpc.RpcInvalidParamsException;
import venus.market.core.jsonrpc.RpcRegistry;
import venus.market.daemon.DaemonVersion;
import venus.market.daemon.api.ApiJson;
import venus.market.daemon.api.MarketApi;

/** AuthNew (admin) and AuthVerify (read) in lotus shape, and Version. */
final class AuthRpc {
  private AuthRpc() {}

  static void register(RpcRegistry.Namespace ns, JwtTokens tokens) {
    ns.<List<String>>method1(MarketApi.AUTH_NEW, Permission.ADMIN, new TypeReference<List<String>>() {}.getType(), names -> {
      EnumSet<Permission> perms = EnumSet.noneOf(Permission.class);
      for (String n : names == null ? List.<String>of() : names) {
        try {
          perms.add(Permission.parse(n));
        } catch (IllegalArgumentException e) {
          throw new RpcInvalidParamsException(e.getMessage());
        }
      }
      if (perms.isEmpty()) {
        throw new RpcInvalidParamsException("AuthNew needs at least one permission (read, write, sign, admin)");
      }
      String token = tokens.createAllow(perms, null);
      return Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8));
    });
    ns.<String>method1(MarketApi.AUTH_VERIFY, Permission.READ, String.class,
        token -> tokens.verify(token).stream().map(Permission::wireName).toList());
    ns.method(MarketApi.VERSION, Permission.READ,
        call -> new ApiJson.Version(DaemonVersion.VERSION, DaemonVersion.API_VERSION));
  }
}
