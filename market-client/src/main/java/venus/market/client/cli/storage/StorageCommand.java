package venus.market.client.cli.storage;

import picocli.CommandLine.Command;

/** {@code storage}: asks and deals (need the client daemon). */
@Command(name = "storage", mixinStandardHelpOptions = true, description = "Storage asks and deals.",
    subcommands = {AsksCommand.class, DealsCommand.class})
public final class StorageCommand {
}
