package venus.market.cli.provider.deals;

import picocli.CommandLine.Command;
import venus.market.cli.tree.Subcommands;

/** {@code venus-market storage-deals}: the ask, the deal list and the acceptance policy. */
@Command(name = "storage-deals", mixinStandardHelpOptions = true, description = "Manage storage deals, the storage ask and deal acceptance.")
@Subcommands({
  SetAskCommand.class,
  GetAskCommand.class,
  DealListCommand.class,
  DealGetCommand.class,
  ImportDataCommand.class,
  PendingPublishCommand.class,
  PublishNowCommand.class,
  SelectionCommand.class,
  BlocklistCommands.Set.class,
  BlocklistCommands.Get.class,
  BlocklistCommands.Reset.class,
  SealDurationCommands.Set.class,
  SealDurationCommands.Get.class
})
public final class StorageDealsCommand {}
