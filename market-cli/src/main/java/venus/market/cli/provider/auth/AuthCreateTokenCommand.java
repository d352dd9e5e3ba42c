package venus.market.cli.provider.auth;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import venus.market.cli.options.DaemonClient;
import venus.market.cli.provider.ThinCommand;

/** {@code venus-market auth create-token --perm write}: prints a new token. */
@Command(name = "create-token", description = "Create a new API token.")
public final class AuthCreateTokenCommand extends ThinCommand {
  @Mixin PermOption perm;

  @Override
  protected void run(DaemonClient daemon) {
    out().println(perm.newToken(daemon));
  }
}
