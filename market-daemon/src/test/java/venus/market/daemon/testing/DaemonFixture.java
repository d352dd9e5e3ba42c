package venus.market.daemon.testing;

import java.nio.file.Path;
import java.util.List;
import venus.market.core.jsonrpc.Permission;
import venus.market.daemon.MarketDaemon;
import venus.market.daemon.config.ConfigOverrides;
import venus.market.daemon.config.Libp2pConfig;
import venus.market.daemon.config.MarketConfig;
import venus.market.daemon.repo.Repo;
import venus.market.p2p.host.InboundLimits;

/** Starts a daemon on loopback against a given node, the way {@code solo-run} does (flags then config file). */
public final class DaemonFixture {
  private DaemonFixture() {}

  /** First start: the guide's solo-run flags, loopback-only API and libp2p, ephemeral ports. */
  public static MarketDaemon startFirst(Path repoDir, String nodeUrl, String nodeToken, String miner) throws Exception {
    return startFirst(repoDir, nodeUrl, nodeToken, miner, InboundLimits.defaults());
  }

  /** As {@link #startFirst(Path, FakeFullNode)} with other libp2p inbound limits (tests flooding from loopback). */
  public static MarketDaemon startFirst(Path repoDir, FakeFullNode node, InboundLimits limits) throws Exception {
    return startFirst(repoDir, node.url(), node.token(Permission.ADMIN), node.miner().toString(), limits);
  }

  private static MarketDaemon startFirst(Path repoDir, String nodeUrl, String nodeToken, String miner,
      InboundLimits limits) throws Exception {
    Repo repo = Repo.open(repoDir);
    return MarketDaemon.start(repo, List.of(
        ConfigOverrides.nodeUrl(nodeUrl),
        ConfigOverrides.nodeToken(nodeToken),
        ConfigOverrides.pieceStorage("fs:" + repoDir.resolve("pieces").toAbsolutePath()),
        ConfigOverrides.miner(miner + ":testaccount"),
        ConfigOverrides.apiListen("/ip4/127.0.0.1/tcp/0"),
        c -> c.withLibp2p(new Libp2pConfig(List.of("/ip4/127.0.0.1/tcp/0"), List.of(), List.of(), "", limits))));
  }

  /** A restart with no flags: everything comes from config.toml and the repo. */
  public static MarketDaemon restart(Path repoDir) throws Exception {
    return MarketDaemon.start(Repo.open(repoDir), List.<java.util.function.UnaryOperator<MarketConfig>>of());
  }

  public static MarketDaemon startFirst(Path repoDir, FakeFullNode node) throws Exception {
    return startFirst(repoDir, node.url(), node.token(Permission.ADMIN), node.miner().toString());
  }
}
