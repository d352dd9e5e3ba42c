package venus.market.cli.provider.auth;

import picocli.CommandLine.Command;
import venus.market.cli.tree.Subcommands;

/** {@code venus-market auth}: API tokens for sealers, clients and scripts. */
@Command(name = "auth", mixinStandardHelpOptions = true, description = "Manage API tokens.")
@Subcommands({
  AuthCreateTokenCommand.class,
  AuthApiInfoCommand.class
})
public final class AuthCommand {}
