package venus.market.cli.provider.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import picocli.CommandLine.Option;
import venus.market.cli.CliFailures.UsageException;
import venus.market.cli.options.DaemonClient;
import venus.market.core.jsonrpc.Permission;
import venus.market.daemon.api.MarketApi;

/** {@code --perm read|write|sign|admin}: the level of a new token (it includes the lower levels). */
public final class PermOption {
  @Option(names = "--perm", required = true, paramLabel = "<read|write|sign|admin>",
      description = "permission of the token: read, write, sign or admin")
  String perm;

  /** Asks the daemon (AuthNew, admin) for a token with this level and every lower one. */
  String newToken(DaemonClient daemon) {
    Permission p;
    try {
      p = Permission.parse(perm);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--perm " + perm + ": " + e.getMessage());
    }
    List<String> allow = p.andLower().stream().map(Permission::wireName).toList();
    String b64 = daemon.call(MarketApi.AUTH_NEW, String.class, allow);
    return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
  }
}
