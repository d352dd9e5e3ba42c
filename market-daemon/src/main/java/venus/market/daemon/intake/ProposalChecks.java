package venus.market.daemon.intake;

import java.math.BigInteger;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import venus.market.core.address.Address;
import venus.market.core.address.Protocol;
import venus.market.core.amount.Epochs;
import venus.market.core.amount.TokenAmount;
import venus.market.core.market.ClientDealProposal;
import venus.market.core.market.DealLabel;
import venus.market.core.market.DealProposal;
import venus.market.core.market.MarketPolicy;
import venus.market.core.storagemarket.StorageAsk;
import venus.market.core.wallet.SignatureVerifier;
import venus.market.daemon.config.DealPolicy;
import venus.market.daemon.config.MarketConfig;
import venus.market.daemon.node.NodeClient;
import venus.market.daemon.node.NodeJson;

/**
 * The provider's validation of a signed proposal against the chain and the miner's ask, in go-fil-markets'
 * ValidateDealProposal order (boost validateDealProposal words them the same), stopping at the first failure. Each
 * failure is a {@link DealRejectedException} whose message is what the client is told.
 *
 * <p>Duration bounds are 180..540 days, as go-fil-markets and boost check them (specs-actors v2 DealDurationBounds):
 * stricter than today's market actor (1278 days), so an accepted deal is valid on every network version.
 */
public final class ProposalChecks {
  /** Minimum deal duration, inclusive (market actor DealMinDuration). */
  public static final long MIN_DURATION = MarketPolicy.DEAL_MIN_DURATION;
  /** Maximum deal duration, inclusive (specs-actors v2 DealMaxDuration, which go-fil-markets and boost enforce). */
  public static final long MAX_DURATION = MarketPolicy.DEAL_MAX_DURATION_V9;
  /** specs-actors miner.MaxSectorExpirationExtension as go-fil-markets checks the end epoch with it. */
  public static final long MAX_SECTOR_EXPIRATION_EXTENSION = Epochs.fromDays(540);
  private static final BigInteger GIB = BigInteger.ONE.shiftLeft(30);

  private final Supplier<MarketConfig> config;
  private final NodeClient node;
  private final Function<Address, Optional<StorageAsk>> asks;
  /** Bounds per (padded size, verified) at {@link #boundsHeight}: they change with network power, once an epoch. */
  private final java.util.concurrent.ConcurrentHashMap<String, NodeJson.CollateralBounds> bounds =
      new java.util.concurrent.ConcurrentHashMap<>();
  private volatile long boundsHeight = Long.MIN_VALUE;

  public ProposalChecks(Supplier<MarketConfig> config, NodeClient node, Function<Address, Optional<StorageAsk>> asks) {
    this.config = config;
    this.node = node;
    this.asks = asks;
  }

  /** Whether the proposal names one of our miners (checked first so that foreign proposals are never recorded). */
  public boolean isOurProvider(DealProposal p) {
    return config.get().miner(p.provider().toString()).isPresent();
  }

  /** The client signature over the proposal, checked against the client's key address (f0 resolved on chain). */
  public void checkSignature(ClientDealProposal cdp) {
    DealProposal p = cdp.proposal();
    Address key;
    try {
      key = clientKey(p.client());
    } catch (RuntimeException e) {
      throw new DealRejectedException("verifying StorageDealProposal: failed to look up the key of client "
          + p.client() + ": " + e.getMessage());
    }
    if (!SignatureVerifier.verify(cdp.clientSignature(), key, p.signingBytes())) {
      throw new DealRejectedException("verifying StorageDealProposal: could not verify signature");
    }
  }

  /** The key address (f1/f3) that signs for {@code client}: itself, or resolved on chain (StateAccountKey). */
  public Address clientKey(Address client) {
    if (client.protocol() == Protocol.SECP256K1 || client.protocol() == Protocol.BLS) {
      return client;
    }
    return node.stateAccountKey(client);
  }

  /**
   * Everything after the signature and provider: label, piece, epochs, collateral, ask, client funds, DataCap.
   *
   * @param head the current chain height
   */
  public void checkProposal(DealProposal p, long head, boolean byteLabelAllowed) {
    if (p.label().length() > DealLabel.MAX_SIZE) {
      throw new DealRejectedException("deal label can be at most " + DealLabel.MAX_SIZE + " bytes, is "
          + p.label().length());
    }
    if (p.label().isBytes() && !byteLabelAllowed) {
      throw new DealRejectedException("deal label must be a UTF-8 string on this protocol (a byte label needs "
          + "/fil/storage/mk/1.1.1 or mk/1.2.x)");
    }
    if (p.pieceSize() < MarketPolicy.MIN_PIECE_SIZE) {
      throw new DealRejectedException("proposal piece size is invalid: minimum piece size is 128 bytes");
    }
    if (Long.bitCount(p.pieceSize()) != 1) {
      throw new DealRejectedException("proposal piece size is invalid: padded piece size must be a power of 2");
    }
    if (!MarketPolicy.isPieceCid(p.pieceCID())) {
      throw new DealRejectedException("proposal PieceCID had wrong prefix");
    }
    if (p.endEpoch() <= p.startEpoch()) {
      throw new DealRejectedException("proposal end before proposal start");
    }
    if (head > p.startEpoch()) {
      throw new DealRejectedException("deal start epoch has already elapsed");
    }
    long duration = p.duration();
    if (duration < MIN_DURATION || duration > MAX_DURATION) {
      throw new DealRejectedException("deal duration out of bounds (min, max, provided): " + MIN_DURATION + ", "
          + MAX_DURATION + ", " + duration);
    }
    long maxEnd = head + MAX_SECTOR_EXPIRATION_EXTENSION;
    if (p.endEpoch() > maxEnd) {
      throw new DealRejectedException("invalid deal end epoch " + p.endEpoch() + ": cannot be more than "
          + MAX_SECTOR_EXPIRATION_EXTENSION + " past current epoch " + head);
    }
    checkCollateral(p, head);
    checkAsk(p);
    checkClientFunds(p);
    if (p.verifiedDeal()) {
      checkDataCap(p);
    }
  }

  private void checkCollateral(DealProposal p, long head) {
    NodeJson.CollateralBounds b;
    try {
      if (head != boundsHeight) {
        bounds.clear();
        boundsHeight = head;
      }
      b = bounds.computeIfAbsent(p.pieceSize() + "/" + p.verifiedDeal(),
          k -> node.stateDealProviderCollateralBounds(p.pieceSize(), p.verifiedDeal()));
    } catch (RuntimeException e) {
      throw new DealRejectedException("node error getting collateral bounds: " + e.getMessage());
    }
    TokenAmount min = TokenAmount.parseAtto(b.min());
    TokenAmount max = TokenAmount.parseAtto(b.max());
    DealPolicy policy = config.get().policyFor(p.provider().toString());
    if (policy.maxProviderCollateralMultiplier() > 0) {
      max = TokenAmount.min(max, min.multiply(policy.maxProviderCollateralMultiplier()));
    }
    if (p.providerCollateral().lessThan(min)) {
      throw new DealRejectedException("proposed provider collateral below minimum: " + p.providerCollateral().atto()
          + " < " + min.atto());
    }
    if (p.providerCollateral().greaterThan(max)) {
      throw new DealRejectedException("proposed provider collateral above maximum: " + p.providerCollateral().atto()
          + " > " + max.atto());
    }
  }

  private void checkAsk(DealProposal p) {
    StorageAsk ask = asks.apply(p.provider()).orElseThrow(() -> new DealRejectedException("failed to get ask for "
        + p.provider() + ": the miner has no storage ask (set one with `storage-deals set-ask`)"));
    TokenAmount askPrice = p.verifiedDeal() ? ask.verifiedPrice() : ask.price();
    // go: big.Div(big.Mul(askPrice, PieceSize), 1<<30), truncating
    TokenAmount minPrice = TokenAmount.ofAtto(askPrice.atto().multiply(BigInteger.valueOf(p.pieceSize())).divide(GIB));
    if (p.storagePricePerEpoch().lessThan(minPrice)) {
      throw new DealRejectedException("storage price per epoch less than asking price: "
          + p.storagePricePerEpoch().atto() + " < " + minPrice.atto());
    }
    if (p.pieceSize() < ask.minPieceSize()) {
      throw new DealRejectedException("piece size less than minimum required size: " + p.pieceSize() + " < "
          + ask.minPieceSize());
    }
    if (p.pieceSize() > ask.maxPieceSize()) {
      throw new DealRejectedException("piece size more than maximum allowed size: " + p.pieceSize() + " > "
          + ask.maxPieceSize());
    }
  }

  private void checkClientFunds(DealProposal p) {
    NodeJson.MarketBalance b;
    try {
      b = node.stateMarketBalance(p.client());
    } catch (RuntimeException e) {
      throw new DealRejectedException("node error getting client market balance failed: " + e.getMessage());
    }
    BigInteger available = new BigInteger(b.escrow()).subtract(new BigInteger(b.locked()));
    BigInteger need = p.clientBalanceRequirement().atto();
    if (available.compareTo(need) < 0) {
      throw new DealRejectedException("clientMarketBalance.Available too small: " + available + " < " + need);
    }
  }

  private void checkDataCap(DealProposal p) {
    Optional<BigInteger> cap;
    try {
      cap = node.stateVerifiedClientStatus(p.client());
    } catch (RuntimeException e) {
      throw new DealRejectedException("node error fetching verified data cap: " + e.getMessage());
    }
    if (cap.isEmpty()) {
      throw new DealRejectedException("node error fetching verified data cap: data cap missing -- client not verified");
    }
    if (cap.get().compareTo(BigInteger.valueOf(p.pieceSize())) < 0) {
      throw new DealRejectedException("verified deal DataCap too small for proposed piece size");
    }
  }
}
