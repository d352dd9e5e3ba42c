package venus.market.daemon.intake;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import venus.market.core.address.Address;
import venus.market.daemon.ask.AskService;
import venus.market.daemon.config.MarketConfig;
import venus.market.daemon.deals.DealPipeline;
import venus.market.daemon.net.P2pHost;
import venus.market.daemon.node.NodeClient;
import venus.market.daemon.signer.Signer;
import venus.market.daemon.store.KvStore;

/** Wires deal intake and registers its libp2p protocols on the market's host (one call in MarketDaemon.Builder). */
public final class DealIntakeProtocols {
  /** How long the operator's Filter command may run before the deal is rejected. */
  public static final Duration FILTER_TIMEOUT = Duration.ofSeconds(30);

  private DealIntakeProtocols() {}

  /**
   * Registers mk/1.2.1, 1.2.0, 1.1.1, 1.1.0, 1.0.1 and status/1.2.0, 1.1.0, 1.0.1. Call after {@code
   * pipeline.resume()}: a deal opened before resume would be taken for one interrupted by a restart.
   */
  public static DealIntake install(P2pHost p2p, Supplier<MarketConfig> config, NodeClient node, AskService asks,
      Function<Address, Address> workerKey, Signer signer, KvStore store, DealPipeline pipeline) {
    ProposalChecks checks = new ProposalChecks(config, node, m -> asks.get(m).map(a -> a.signed().ask()));
    DealIntake intake = new DealIntake(config, node, checks, new FilterCommand(venus.market.core.json.LotusJson.mapper(), FILTER_TIMEOUT),
        pipeline, new DealUuidIndex(store), Clock.systemUTC());
    ResponseSigner responses = new ResponseSigner(config, workerKey, signer, Clock.systemUTC());
    BoostDealProtocol boost = new BoostDealProtocol(intake);
    LegacyDealProtocol legacy = new LegacyDealProtocol(intake, responses);
    DealStatusProtocol status = new DealStatusProtocol(intake, responses);
    p2p.handle(BoostDealProtocol.V121, boost::serve);
    p2p.handle(BoostDealProtocol.V120, boost::serve);
    p2p.handle(LegacyDealProtocol.V111, legacy::serve);
    p2p.handle(LegacyDealProtocol.V110, legacy::serve);
    p2p.handle(LegacyDealProtocol.V101, legacy::serve);
    p2p.handle(DealStatusProtocol.V120, status::serveBoost);
    p2p.handle(DealStatusProtocol.V110, status::serveLegacy);
    p2p.handle(DealStatusProtocol.V101, status::serveLegacy);
    return intake;
  }
}
