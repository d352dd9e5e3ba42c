package venus.market.cli.provider.net;

import picocli.CommandLine.Command;
import venus.market.cli.tree.Subcommands;

/** {@code venus-market net}: the daemon's libp2p host. */
@Command(name = "net", mixinStandardHelpOptions = true, description = "Inspect the market's libp2p host.")
@Subcommands({
  NetListenCommand.class,
  NetIdCommand.class,
  NetPeersCommand.class
})
public final class NetCommand {}
