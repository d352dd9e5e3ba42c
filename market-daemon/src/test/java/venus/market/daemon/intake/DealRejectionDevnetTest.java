package venus.market.daemon.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import venus.market.core.address.Address;
import venus.market.core.amount.TokenAmount;
import venus.market.core.crypto.SigType;
import venus.market.core.market.ClientDealProposal;
import venus.market.core.market.DealProposal;
import venus.market.core.storagemarket.BoostDealStatusResponse;
import venus.market.core.storagemarket.DealParams;
import venus.market.core.storagemarket.DealResponse;
import venus.market.core.storagemarket.StorageDealStatus;
import venus.market.core.storagemarket.Transfer;
import venus.market.daemon.api.MarketApi;
import venus.market.daemon.deals.ProviderDeal;
import venus.market.daemon.deals.ProviderEvent;

/** Each reason to refuse a proposal reaches the client over mk/1.2.0, and what is (not) recorded for it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DealRejectionDevnetTest {
  static final long DAY = 2880;
  static final long MIN_DURATION = 180 * DAY;
  IntakeDevnet net;
  int piece = 100;

  @BeforeAll
  void start(@TempDir Path tmp) throws Exception {
    net = new IntakeDevnet(tmp);
  }

  @AfterAll
  void stop() {
    net.close();
  }

  /** One proposal that should be refused with a message starting with {@code reason}. */
  record Case(String name, ClientDealProposal proposal, String reason, boolean recorded) {}

  DealProposal p(long size, boolean verified, Address client, Address provider, long startIn, long duration,
      TokenAmount price, TokenAmount collateral) {
    return IntakeDevnet.proposal(piece++, size, verified, client, provider, net.head() + startIn, duration, price,
        collateral);
  }

  DealProposal ok(long size, long startIn, long duration, TokenAmount price, TokenAmount collateral) {
    return p(size, false, net.clientAddr(), net.miner(), startIn, duration, price, collateral);
  }

  TokenAmount price(long size) {
    return IntakeDevnet.askPrice(size);
  }

  TokenAmount coll(long size) {
    return net.minCollateral(size);
  }

  @Test
  void everyValidationFailureIsSentWithItsReason() throws Exception {
    long size = IntakeDevnet.PIECE_SIZE;
    long start = 2 * DAY;
    Address bls = net.devnet.wallet().newKey(SigType.BLS);
    Address otherBls = net.devnet.wallet().newKey(SigType.BLS);
    DealProposal blsForged = p(size, false, bls, net.miner(), start, MIN_DURATION, price(size), coll(size));
    TokenAmount verifiedPrice = TokenAmount.ofAtto(IntakeDevnet.ASK_VERIFIED_PRICE.multiply(
        java.math.BigInteger.valueOf(size)).shiftRight(30));
    List<Case> cases = new ArrayList<>(List.of(
        new Case("signed by another key", net.sign(ok(size, start, MIN_DURATION, price(size), coll(size)),
            net.worker()), "verifying StorageDealProposal: could not verify signature", false),
        new Case("BLS client, wrong BLS key", net.sign(blsForged, otherBls),
            "verifying StorageDealProposal: could not verify signature", false),
        new Case("another provider", net.signed(p(size, false, net.clientAddr(), Address.newId(1234), start,
            MIN_DURATION, price(size), coll(size))), "incorrect provider for deal", false),
        new Case("piece size not a power of two", net.signed(ok(3000, start, MIN_DURATION, price(4096), coll(size))),
            "proposal piece size is invalid: padded piece size must be a power of 2", true),
        // epoch -10: behind any head the daemon may hold (it re-reads the height at most once a second)
        new Case("start already passed", net.signed(ok(size, -net.head() - 10, MIN_DURATION, price(size),
            coll(size))),
            "deal start epoch has already elapsed", true),
        new Case("duration a day short", net.signed(ok(size, start, MIN_DURATION - 1, price(size), coll(size))),
            "deal duration out of bounds (min, max, provided): 518400, 1555200, 518399", true),
        new Case("duration beyond 540 days", net.signed(ok(size, start, 541 * DAY, price(size), coll(size))),
            "deal duration out of bounds (min, max, provided): 518400, 1555200, 1558080", true),
        new Case("ends too far out", net.signed(ok(size, start, 540 * DAY, price(size), coll(size))),
            "invalid deal end epoch", true),
        new Case("collateral below the chain minimum", net.signed(ok(size, start, MIN_DURATION, price(size),
            TokenAmount.ZERO)), "proposed provider collateral below minimum: 0 < " + coll(size).atto(), true),
        new Case("collateral above MaxProviderCollateralMultiplier x minimum", net.signed(ok(size, start,
            MIN_DURATION, price(size), coll(size).multiply(3))),
            "proposed provider collateral above maximum: " + coll(size).multiply(3).atto() + " > "
                + coll(size).multiply(2).atto(), true),
        new Case("price one attoFIL under the ask", net.signed(ok(size, start, MIN_DURATION,
            price(size).subtract(TokenAmount.ofAtto(1)), coll(size))),
            "storage price per epoch less than asking price: " + price(size).subtract(TokenAmount.ofAtto(1)).atto()
                + " < " + price(size).atto(), true),
        new Case("verified deal under the verified price", net.signed(p(size, true, net.clientAddr(), net.miner(),
            start, MIN_DURATION, verifiedPrice.subtract(TokenAmount.ofAtto(1)), coll(size))),
            "storage price per epoch less than asking price: "
                + verifiedPrice.subtract(TokenAmount.ofAtto(1)).atto() + " < " + verifiedPrice.atto(), true),
        new Case("verified deal at the verified price, client has no DataCap", net.signed(p(size, true,
            net.clientAddr(), net.miner(), start, MIN_DURATION, verifiedPrice, coll(size))),
            "node error fetching verified data cap: data cap missing -- client not verified", true),
        new Case("piece under the ask minimum", net.signed(ok(256, start, MIN_DURATION, price(512), coll(256))),
            "piece size less than minimum required size: 256 < 512", true),
        new Case("piece over the ask maximum", net.signed(ok(16L << 20, start, MIN_DURATION, price(16L << 20),
            coll(16L << 20))), "piece size more than maximum allowed size: 16777216 > 8388608", true),
        new Case("client without escrow (the worker)", net.sign(p(size, false, net.worker(), net.miner(), start,
            MIN_DURATION, price(size), coll(size)), net.worker()), "clientMarketBalance.Available too small: 0 < ",
            true),
        new Case("starts before the seal window", net.signed(ok(size, 10, MIN_DURATION, price(size), coll(size))),
            "cannot seal a sector before", true),
        new Case("starts after MaxDealStartDelay", net.signed(ok(size, DAY + 14 * DAY + 10, MIN_DURATION,
            price(size), coll(size))), "deal start epoch is too far in the future", true)));

    SoftAssertions soft = new SoftAssertions();
    for (Case c : cases) {
      DealParams params = IntakeDevnet.offline(c.proposal());
      DealResponse r = net.propose(params);
      soft.assertThat(r.accepted()).as(c.name()).isFalse();
      soft.assertThat(r.message()).as(c.name()).startsWith(c.reason());
      var stored = net.daemon.deals().get(c.proposal().proposalCid());
      soft.assertThat(stored.isPresent()).as(c.name() + ": recorded").isEqualTo(c.recorded());
      if (c.recorded() && stored.isPresent()) {
        ProviderDeal d = net.await(c.proposal().proposalCid(), StorageDealStatus.ERROR);
        soft.assertThat(d.message()).as(c.name() + ": message").isEqualTo(r.message());
        soft.assertThat(DealIntakeDevnetTest.events(net, d)).as(c.name()).containsSubsequence(ProviderEvent.OPEN,
            ProviderEvent.DEAL_REJECTED, ProviderEvent.REJECTION_SENT, ProviderEvent.FAILED);
        // the client asking about its refused deal learns why
        BoostDealStatusResponse st = net.status(params.dealUUID(), d.proposal().proposal().client());
        soft.assertThat(st.error()).as(c.name()).isEmpty();
        soft.assertThat(st.dealStatus().error()).as(c.name()).isEqualTo(r.message());
        soft.assertThat(st.dealStatus().sealingStatus()).as(c.name()).isEqualTo("StorageDealError");
      }
    }
    soft.assertAll();
  }

  @Test
  void aBlsClientWithEscrowIsAccepted() throws Exception {
    Address bls = net.devnet.wallet().newKey(SigType.BLS);
    net.node.mpoolPushMessage(new venus.market.daemon.node.NodeJson.Message(0, bls.toString(),
        net.clientAddr().toString(), 0, TokenAmount.ofFil(2).atto().toString(), 0, "0", "0", 0, ""),
        new venus.market.daemon.node.NodeJson.SendSpec("0"));
    net.devnet.mineTipset();
    net.rpc(MarketApi.full("MarketAddBalance"), Object.class, bls.toString(), bls.toString(),
        TokenAmount.ofFil(1).atto().toString());
    net.devnet.mineTipset();
    net.devnet.mineTipset();
    ClientDealProposal cdp = net.sign(p(IntakeDevnet.PIECE_SIZE, false, bls, net.miner(), 2 * DAY, MIN_DURATION,
        price(IntakeDevnet.PIECE_SIZE), coll(IntakeDevnet.PIECE_SIZE)), bls);
    DealParams params = IntakeDevnet.offline(cdp);
    DealResponse r = net.propose(params);
    assertThat(r.accepted()).as(r.message()).isTrue();
    BoostDealStatusResponse st = net.status(params.dealUUID(), bls);
    assertThat(st.error()).isEmpty();
    assertThat(st.dealStatus().sealingStatus()).isEqualTo("StorageDealWaitingForData");
  }

  @Test
  void anF0ClientIsResolvedToItsKeyOnChain() throws Exception {
    Address id = net.node.stateLookupId(net.clientAddr());
    assertThat(id.isId()).isTrue();
    ClientDealProposal cdp = net.sign(p(IntakeDevnet.PIECE_SIZE, false, id, net.miner(), 2 * DAY, MIN_DURATION,
        price(IntakeDevnet.PIECE_SIZE), coll(IntakeDevnet.PIECE_SIZE)), net.clientAddr());
    DealResponse r = net.propose(IntakeDevnet.offline(cdp));
    assertThat(r.accepted()).as(r.message()).isTrue();
    assertThat(net.deal(cdp.proposalCid()).state()).isEqualTo(StorageDealStatus.WAITING_FOR_DATA);
  }

  @Test
  void transfersTheProviderCannotPullAreRefused() throws Exception {
    long size = IntakeDevnet.PIECE_SIZE;
    ClientDealProposal a = net.signed(ok(size, 2 * DAY, MIN_DURATION, price(size), coll(size)));
    DealResponse gs = net.propose(new DealParams(UUID.randomUUID(), false, a, IntakeDevnet.payload(a),
        new Transfer("graphsync", "", new byte[0], 100), false, false));
    assertThat(gs.accepted()).isFalse();
    assertThat(gs.message()).startsWith("transfer type graphsync not supported");

    ClientDealProposal b = net.signed(ok(size, 2 * DAY, MIN_DURATION, price(size), coll(size)));
    DealResponse noUrl = net.propose(new DealParams(UUID.randomUUID(), false, b, IntakeDevnet.payload(b),
        new Transfer("http", "", "{\"Headers\":{}}".getBytes(StandardCharsets.UTF_8), 100), false, false));
    assertThat(noUrl.accepted()).isFalse();
    assertThat(noUrl.message()).isEqualTo("server error: get deal transfer host: transfer params have no URL");
  }

  @Test
  void theOperatorsSelectionAndBlocklistAreApplied() throws Exception {
    long size = IntakeDevnet.PIECE_SIZE;
    try {
      net.rpc(MarketApi.full("DealsSetConsiderOfflineStorageDeals"), Object.class, false);
      ClientDealProposal off = net.signed(ok(size, 2 * DAY, MIN_DURATION, price(size), coll(size)));
      DealResponse r = net.propose(IntakeDevnet.offline(off));
      assertThat(r.message()).isEqualTo("miner is not considering offline storage deals");
      // online deals are still welcome
      ClientDealProposal on = net.signed(ok(size, 2 * DAY, MIN_DURATION, price(size), coll(size)));
      assertThat(net.propose(IntakeDevnet.http(on, 10)).accepted()).isTrue();

      net.rpc(MarketApi.full("DealsSetConsiderOnlineStorageDeals"), Object.class, false);
      ClientDealProposal on2 = net.signed(ok(size, 2 * DAY, MIN_DURATION, price(size), coll(size)));
      assertThat(net.propose(IntakeDevnet.http(on2, 10)).message())
          .isEqualTo("miner is not considering online storage deals");
      net.rpc(MarketApi.full("DealsSetConsiderOnlineStorageDeals"), Object.class, true);
      net.rpc(MarketApi.full("DealsSetConsiderOfflineStorageDeals"), Object.class, true);

      net.rpc(MarketApi.full("DealsSetConsiderUnverifiedStorageDeals"), Object.class, false);
      ClientDealProposal unv = net.signed(ok(size, 2 * DAY, MIN_DURATION, price(size), coll(size)));
      assertThat(net.propose(IntakeDevnet.offline(unv)).message())
          .isEqualTo("miner is not accepting unverified storage deals");
      net.rpc(MarketApi.full("DealsSetConsiderUnverifiedStorageDeals"), Object.class, true);

      ClientDealProposal blocked = net.signed(ok(size, 2 * DAY, MIN_DURATION, price(size), coll(size)));
      String pieceCid = blocked.proposal().pieceCID().toString();
      net.rpc(MarketApi.full(MarketApi.DEALS_SET_PIECE_CID_BLOCKLIST), Object.class,
          List.of(java.util.Map.of("/", pieceCid)));
      assertThat(net.propose(IntakeDevnet.offline(blocked)).message())
          .isEqualTo("miner has blocklisted piece CID " + pieceCid);
    } finally {
      net.rpc(MarketApi.full("DealsSetConsiderOnlineStorageDeals"), Object.class, true);
      net.rpc(MarketApi.full("DealsSetConsiderOfflineStorageDeals"), Object.class, true);
      net.rpc(MarketApi.full("DealsSetConsiderUnverifiedStorageDeals"), Object.class, true);
      net.rpc(MarketApi.full(MarketApi.DEALS_SET_PIECE_CID_BLOCKLIST), Object.class, List.of());
    }
  }
}
