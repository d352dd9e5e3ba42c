package venus.market.cli.provider.actor;

import picocli.CommandLine.Command;
import venus.market.cli.tree.Subcommands;

/** {@code venus-market actor}: the miners this market serves and their on-chain network info. */
@Command(name = "actor", mixinStandardHelpOptions = true, description = "Manage the miner actors served by this market.")
@Subcommands({
  ActorListCommand.class,
  ActorSetAddrsCommand.class,
  ActorSetPeerIdCommand.class,
  ActorInfoCommand.class
})
public final class ActorCommand {}
