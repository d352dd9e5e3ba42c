package venus.market.client.cli.storage;

import picocli.CommandLine.Command;

/** {@code storage deals}: init (interactive or positional), list, get. */
@Command(name = "deals", mixinStandardHelpOptions = true, description = "Storage deals.",
    subcommands = {InitCommand.class, ListCommand.class, GetCommand.class})
public final class DealsCommand {
}
