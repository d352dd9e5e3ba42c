package venus.market.cli.provider.actor;

import picocli.CommandLine.Option;

/** {@code --miner=t01000}: the miner actor a command acts on. */
public final class MinerOption {
  @Option(names = "--miner", required = true, paramLabel = "<address>", description = "miner actor address, e.g. t01000")
  public String miner;
}
