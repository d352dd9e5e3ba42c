package venus.market.client.cli.data;

import picocli.CommandLine.Command;

/** {@code market-client data}: local data preparation (lotus {@code client import/local/drop/commP/generate-car}). */
@Command(name = "data", mixinStandardHelpOptions = true,
    description = "Manage local data: import files, list and drop imports, build CARs, compute piece CIDs.",
    subcommands = {ImportCommand.class, LocalCommand.class, DropCommand.class, GenerateCarCommand.class,
        CommPCommand.class})
public final class DataCommand {
}
