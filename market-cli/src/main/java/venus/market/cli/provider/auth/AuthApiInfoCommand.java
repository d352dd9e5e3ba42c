package venus.market.cli.provider.auth;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import venus.market.cli.CliFailures.CliException;
import venus.market.cli.options.DaemonClient;
import venus.market.cli.provider.ThinCommand;

/**
 * {@code venus-market auth api-info --perm admin}: prints {@code MARKET_API_INFO=<token>:<multiaddr>},
 * the form sealers and scripts take (token and address split at the first ':').
 */
@Command(name = "api-info", description = "Print a token and the API address as MARKET_API_INFO=<token>:<multiaddr>.")
public final class AuthApiInfoCommand extends ThinCommand {
  @Mixin PermOption perm;

  @Override
  protected void run(DaemonClient daemon) {
    String token = perm.newToken(daemon);
    String addr = api.apiUrlOr(repo().readApi()
        .orElseThrow(() -> new CliException("no API address in " + repo().apiFile())));
    out().println("MARKET_API_INFO=" + token + ":" + addr);
  }
}
