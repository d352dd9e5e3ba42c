package venus.market.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import venus.market.core.address.Address;
import venus.market.core.amount.TokenAmount;
import venus.market.core.crypto.Signature;
import venus.market.core.market.ClientDealProposal;
import venus.market.core.market.DealLabel;
import venus.market.core.market.DealProposal;
import venus.market.core.piece.PieceCid;
import venus.market.daemon.deals.DealStateMachine;
import venus.market.daemon.deals.KvDealStore;
import venus.market.daemon.deals.ProviderDeal;
import venus.market.daemon.deals.ProviderEvent;
import venus.market.daemon.store.RocksKvStore;
import venus.market.devnet.actors.MarketPolicy;

/**
 * Puts deals into a stopped provider's store exactly as deal intake and {@code import-data} leave them when the
 * daemon dies right after verifying an offline deal's data: proposal signed by the devnet client's key, state
 * ReserveProviderFunds, with the same persisted history. The restarted daemon resumes them like any in-flight deal.
 * This stands in for the client's mk/1.2.0 proposal + import-data until those run as separate processes here.
 */
final class DealSeeder {
  static final long PIECE_SIZE = 2048;

  private final DevnetProcess devnet;
  private final Address client;
  private int next;

  DealSeeder(DevnetProcess devnet) {
    this.devnet = devnet;
    this.client = Address.parse(devnet.rpc().call("StateAccountKey", "t0102", null).asText());
  }

  Address client() {
    return client;
  }

  static Address miner() {
    return Address.parse(ProviderProcess.MINER);
  }

  static TokenAmount collateral() {
    return TokenAmount.ofAtto(MarketPolicy.minProviderCollateral(PIECE_SIZE).multiply(BigInteger.valueOf(110))
        .divide(BigInteger.valueOf(100)));
  }

  /** {@code n} new proposals starting {@code lead} epochs from now, signed through the devnet wallet. */
  List<ClientDealProposal> proposals(int n, long lead) {
    long start = devnet.height() + lead;
    List<ClientDealProposal> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int k = ++next;
      byte[] root = new byte[32];
      root[0] = (byte) (k >> 8);
      root[1] = (byte) k;
      root[31] = 0x11;
      DealProposal p = new DealProposal(PieceCid.v1(root), PIECE_SIZE, false, client, miner(),
          DealLabel.ofString("crash-" + k), start, start + MarketPolicy.MIN_DEAL_DURATION, TokenAmount.ofAtto(1000),
          collateral(), TokenAmount.ZERO);
      JsonNode sig = devnet.rpc().call("WalletSign", client.toString(),
          Base64.getEncoder().encodeToString(p.signingBytes()));
      out.add(new ClientDealProposal(p, Signature.fromJson(sig)));
    }
    return out;
  }

  /** One proposal for a real piece (CID and padded size from commP), signed through the devnet wallet. */
  ClientDealProposal proposal(venus.market.core.multiformats.Cid pieceCid, long paddedSize, long lead) {
    long start = devnet.height() + lead;
    DealProposal p = new DealProposal(pieceCid, paddedSize, false, client, miner(), DealLabel.ofString("crash-real"),
        start, start + MarketPolicy.MIN_DEAL_DURATION, TokenAmount.ZERO, collateral(paddedSize), TokenAmount.ZERO);
    JsonNode sig = devnet.rpc().call("WalletSign", client.toString(),
        Base64.getEncoder().encodeToString(p.signingBytes()));
    return new ClientDealProposal(p, Signature.fromJson(sig));
  }

  static TokenAmount collateral(long paddedSize) {
    return TokenAmount.ofAtto(MarketPolicy.minProviderCollateral(paddedSize).multiply(BigInteger.valueOf(110))
        .divide(BigInteger.valueOf(100)));
  }

  /** Writes an offline deal into the (stopped) provider's RocksDB as intake leaves it: WaitingForData. */
  static String seedWaitingForData(Path providerRepo, ClientDealProposal proposal) {
    try (RocksKvStore store = RocksKvStore.open(providerRepo.resolve("metadata"))) {
      DealStateMachine deals = new DealStateMachine(new KvDealStore(store), Clock.systemUTC());
      ProviderDeal d = deals.open(ProviderDeal.received(proposal, Instant.now()), "offline deal received (seeded)");
      deals.apply(d.proposalCid(), ProviderEvent.DEAL_DECIDING, "seeded");
      deals.apply(d.proposalCid(), ProviderEvent.DATA_REQUESTED, "seeded: waiting for import-data");
      return d.proposalCid().toString();
    }
  }

  /** Writes the deals into the (stopped) provider's RocksDB, walked to ReserveProviderFunds. */
  static List<String> seed(Path providerRepo, List<ClientDealProposal> proposals) {
    List<String> cids = new ArrayList<>();
    try (RocksKvStore store = RocksKvStore.open(providerRepo.resolve("metadata"))) {
      DealStateMachine deals = new DealStateMachine(new KvDealStore(store), Clock.systemUTC());
      for (ClientDealProposal p : proposals) {
        ProviderDeal d = deals.open(ProviderDeal.received(p, Instant.now()), "offline deal received (seeded)");
        deals.apply(d.proposalCid(), ProviderEvent.DEAL_DECIDING, "seeded");
        deals.apply(d.proposalCid(), ProviderEvent.DATA_REQUESTED, "seeded");
        deals.apply(d.proposalCid(), ProviderEvent.VERIFIED_DATA, "seeded: import-data verified the piece");
        cids.add(d.proposalCid().toString());
      }
    }
    return cids;
  }

  /** Client escrow on chain for {@code deals} more deals (price × duration each, generously rounded up). */
  void fundClient(int deals) {
    devnet.rpc().call("MarketAddBalance", client.toString(), client.toString(),
        TokenAmount.ofFil(deals).atto().toString());
  }
}
