package venus.market.client.deals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.client.net.MarketProtocols;
import venus.market.client.net.ProviderPeer;
import venus.market.client.node.ChainNode;
import venus.market.client.wallet.ClientSigner;
import venus.market.core.MarketException;
import venus.market.core.address.Address;
import venus.market.core.amount.ByteSizes;
import venus.market.core.amount.TokenAmount;
import venus.market.core.crypto.Signature;
import venus.market.core.market.ClientDealProposal;
import venus.market.core.market.DealLabel;
import venus.market.core.market.DealProposal;
import venus.market.core.market.MarketBalance;
import venus.market.core.market.MarketPolicy;
import venus.market.core.multiformats.Cid;
import venus.market.core.piece.UnpaddedPieceSize;
import venus.market.core.storagemarket.DealParams;
import venus.market.core.storagemarket.DealResponse;
import venus.market.core.storagemarket.SignedStorageAsk;
import venus.market.core.storagemarket.StorageAsk;
import venus.market.core.storagemarket.StorageDealStatus;
import venus.market.core.storagemarket.Transfer;
import venus.market.p2p.multiaddr.Multiaddr;
import venus.market.p2p.peer.PeerId;

/**
 * Makes deals: pre-flight checks against the miner's ask and the client's escrow, builds and signs the proposal with
 * the client address through the node wallet, stores the deal, then proposes it over boost's mk/1.2.0.
 *
 * <p>The deal is stored before it is sent, with its signed proposal and a deal UUID derived from the proposal CID, so
 * every resend (a lost answer, a restart) carries the same bytes and the same UUID, and the provider sees one deal.
 */
public final class DealService {
  private static final Logger LOG = LoggerFactory.getLogger(DealService.class);
  private static final BigInteger GIB = BigInteger.ONE.shiftLeft(30);
  private static final int SEND_ATTEMPTS = 3;

  private final ChainNode node;
  private final ClientSigner signer;
  private final MarketProtocols protocols;
  private final AskQuery asks;
  private final DealStore deals;
  private final DealData data;
  private final Supplier<String> transferBaseUrl;
  private final Address defaultWallet;
  private final long startEpochDelay;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public DealService(ChainNode node, ClientSigner signer, MarketProtocols protocols, AskQuery asks, DealStore deals, DealData data,
      Supplier<String> transferBaseUrl, Address defaultWallet, long startEpochDelay, Clock clock) {
    this.node = node;
    this.signer = signer;
    this.protocols = protocols;
    this.asks = asks;
    this.deals = deals;
    this.data = data;
    this.transferBaseUrl = transferBaseUrl;
    this.defaultWallet = defaultWallet;
    this.startEpochDelay = startEpochDelay;
    this.clock = clock;
  }

  public Address wallet(Address requested) {
    if (requested != null) {
      return requested;
    }
    if (defaultWallet == null) {
      throw new DealRejectedException("no client address: start the daemon with --addr=<client wallet address> "
          + "or pass --from");
    }
    return defaultWallet;
  }

  /** Validates, signs, stores and proposes; returns the stored deal (state StorageDealCheckForAcceptance if accepted). */
  public ClientDeal start(StartDealRequest r) throws IOException {
    Address wallet = wallet(r.wallet());
    boolean offline = r.manualPieceCid() != null;
    PieceInfo piece;
    if (offline) {
      if (r.manualPieceSize() <= 0) {
        throw new DealRejectedException("--manual-piece-size is required with --manual-piece-cid (the unpadded size "
            + "'data commP' prints, e.g. 4064 for a 4 KiB piece)");
      }
      long padded;
      try {
        padded = new UnpaddedPieceSize(r.manualPieceSize()).padded().bytes();
      } catch (RuntimeException e) {
        throw new DealRejectedException("--manual-piece-size " + r.manualPieceSize() + " is not an unpadded piece "
            + "size (127 × 2^k bytes, e.g. 4064 or 1016): " + e.getMessage());
      }
      if (!MarketPolicy.isPieceCid(r.manualPieceCid())) {
        throw new DealRejectedException("--manual-piece-cid " + r.manualPieceCid() + " is not a piece CID (baga…)");
      }
      piece = new PieceInfo(r.dataRoot(), null, r.manualPieceCid(), padded, 0);
    } else {
      piece = data.prepare(r.dataRoot());
    }
    if (!MarketPolicy.isDurationInBounds(r.duration())) {
      throw new DealRejectedException("deal duration " + r.duration() + " epochs is out of bounds: it must be between "
          + MarketPolicy.DEAL_MIN_DURATION + " (180 days) and " + MarketPolicy.DEAL_MAX_DURATION + " epochs");
    }
    if (r.verifiedDeal()) {
      checkDataCap(wallet, piece.paddedSize());
    }
    ProviderPeer peer = ProviderPeer.resolve(node, r.miner());
    SignedStorageAsk signedAsk = asks.query(peer);
    StorageAsk ask = signedAsk.ask();
    long head = node.chainHeadHeight();
    checkAsk(ask, piece.paddedSize(), r.epochPrice(), r.verifiedDeal(), head);
    long start = r.startEpoch() > 0 ? r.startEpoch() : head + startEpochDelay;
    if (start <= head) {
      throw new DealRejectedException("start epoch " + start + " is not after the chain head " + head
          + ": the provider needs time to seal; use a later --start-epoch (or leave it out)");
    }
    TokenAmount collateral = r.providerCollateral() != null ? r.providerCollateral()
        : node.providerCollateralMin(piece.paddedSize(), r.verifiedDeal());
    DealProposal proposal = new DealProposal(piece.pieceCid(), piece.paddedSize(), r.verifiedDeal(), wallet,
        r.miner(), DealLabel.ofString(r.dataRoot().toString()), start, start + r.duration(), r.epochPrice(),
        collateral, TokenAmount.ZERO);
    checkEscrow(wallet, proposal);
    Signature sig = signer.sign(wallet, proposal.signingBytes(), ClientSigner.META_DEAL_PROPOSAL, null);
    ClientDealProposal signed = new ClientDealProposal(proposal, sig);
    Cid proposalCid = signed.proposalCid();
    Optional<ClientDeal> existing = deals.get(proposalCid);
    if (existing.isPresent()) {
      return send(existing.get());
    }
    UUID uuid = UUID.nameUUIDFromBytes(proposalCid.bytes());
    String token = offline ? null : newToken();
    ClientDeal deal = new ClientDeal(proposalCid, uuid, signed, r.dataRoot(), offline, piece.carPath(), token,
        piece.payloadSize(), peer.peerId().toString(), peer.addrStrings(), StorageDealStatus.UNKNOWN, "",
        "proposal not yet delivered", 0, null, -1, -1, 0, clock.instant(), clock.instant());
    deals.put(deal);
    LOG.info("deal stored proposal={} uuid={} miner={} piece={} offline={}", proposalCid, uuid, r.miner(),
        piece.pieceCid(), offline);
    return send(deal);
  }

  /**
   * Proposes a stored deal (again): the same signed proposal and UUID every time. Delivery failures leave the deal in
   * StorageDealUnknown for the tracker to resend; a refusal moves it to StorageDealError with the provider's reason.
   */
  public ClientDeal send(ClientDeal deal) throws IOException {
    if (deal.state() != StorageDealStatus.UNKNOWN) {
      return deal;
    }
    DealParams params = new DealParams(deal.dealUuid(), deal.offline(), deal.proposal(), deal.dataRoot(),
        transfer(deal), false, false);
    ProviderPeer peer = peerOf(deal);
    IOException last = null;
    for (int i = 1; i <= SEND_ATTEMPTS; i++) {
      try {
        DealResponse resp = protocols.propose(peer, params);
        ClientDeal next = resp.accepted()
            ? deal.withState(StorageDealStatus.CHECK_FOR_ACCEPTANCE, "", clock.instant())
            : deal.withState(StorageDealStatus.ERROR, "deal rejected by provider: " + resp.message(), clock.instant());
        deals.put(next);
        LOG.info("deal proposed proposal={} accepted={} message={}", deal.proposalCid(), resp.accepted(),
            resp.message());
        if (!resp.accepted()) {
          throw new DealRejectedException("deal " + deal.proposalCid() + " rejected by " + deal.proposal().proposal()
              .provider() + ": " + resp.message());
        }
        return next;
      } catch (IOException e) {
        last = e;
        LOG.warn("proposal={} attempt={} not delivered: {}", deal.proposalCid(), i, e.toString());
      }
    }
    deals.put(deal.withState(StorageDealStatus.UNKNOWN, "proposal not delivered (will retry): " + last.getMessage(),
        clock.instant()));
    throw new IOException("could not deliver deal proposal " + deal.proposalCid() + " to " + deal.providerPeer()
        + ": " + last.getMessage() + " (stored; the daemon retries with the same proposal)", last);
  }

  static ProviderPeer peerOf(ClientDeal d) {
    return new ProviderPeer(d.proposal().proposal().provider(), PeerId.parse(d.providerPeer()),
        d.providerAddrs().stream().map(Multiaddr::parse).toList());
  }

  private Transfer transfer(ClientDeal d) {
    if (d.offline()) {
      return Transfer.NONE;
    }
    ObjectMapper m = new ObjectMapper();
    ObjectNode p = m.createObjectNode();
    p.put("URL", transferBaseUrl.get() + "/deals/" + d.dealUuid());
    p.putObject("Headers").put("Authorization", "Bearer " + d.transferToken());
    return new Transfer("http", d.dealUuid().toString(), p.toString().getBytes(StandardCharsets.UTF_8),
        d.transferSize());
  }

  private String newToken() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** Per-epoch price of a piece at an ask price per GiB per epoch (lotus: price × padded size ÷ 2^30). */
  public static TokenAmount epochPrice(TokenAmount pricePerGiB, long paddedSize) {
    return TokenAmount.ofAtto(pricePerGiB.atto().multiply(BigInteger.valueOf(paddedSize)).divide(GIB));
  }

  static void checkAsk(StorageAsk ask, long paddedSize, TokenAmount price, boolean verified, long head) {
    if (ask.expiry() > 0 && ask.expiry() <= head) {
      throw new DealRejectedException("the ask of " + ask.miner() + " expired at epoch " + ask.expiry()
          + " (head " + head + "); ask the provider to set a new one");
    }
    if (paddedSize < ask.minPieceSize() || paddedSize > ask.maxPieceSize()) {
      throw new DealRejectedException("piece size " + ByteSizes.sizeStr(paddedSize) + " (padded) is outside the ask "
          + "of " + ask.miner() + ": " + ByteSizes.sizeStr(ask.minPieceSize()) + " to "
          + ByteSizes.sizeStr(ask.maxPieceSize()));
    }
    TokenAmount min = epochPrice(verified ? ask.verifiedPrice() : ask.price(), paddedSize);
    if (price.lessThan(min)) {
      throw new DealRejectedException("price " + price + " per epoch is below the ask of " + ask.miner() + ": a "
          + ByteSizes.sizeStr(paddedSize) + " piece costs at least " + min + " per epoch ("
          + (verified ? ask.verifiedPrice() : ask.price()) + " per GiB per epoch)");
    }
  }

  private void checkDataCap(Address wallet, long paddedSize) {
    BigInteger cap = node.verifiedClientDataCap(wallet).orElseThrow(() -> new DealRejectedException("address "
        + wallet + " does not have verified client status, so it cannot make a verified deal: leave out "
        + "--verified-deal, or get DataCap from a notary first"));
    if (cap.compareTo(BigInteger.valueOf(paddedSize)) < 0) {
      throw new DealRejectedException("DataCap of " + wallet + " is " + cap + " bytes, less than the piece's "
          + paddedSize + " bytes: make an unverified deal (leave out --verified-deal)");
    }
  }

  private void checkEscrow(Address wallet, DealProposal p) {
    MarketBalance b = node.stateMarketBalance(wallet);
    TokenAmount need = p.clientBalanceRequirement();
    if (b.available().lessThan(need)) {
      TokenAmount missing = need.subtract(b.available());
      throw new InsufficientEscrowException("client market balance of " + wallet + " is too low for this deal: "
          + "available " + b.available() + ", needed " + need + " (price × duration + client collateral); add "
          + "funds with 'market-client actor-funds add " + roundUpFil(missing) + "' and propose again");
    }
  }

  static String roundUpFil(TokenAmount a) {
    BigInteger[] qr = a.atto().divideAndRemainder(TokenAmount.ATTO_PER_FIL);
    BigInteger fil = qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
    return fil.max(BigInteger.ONE) + "fil";
  }

  public List<ClientDeal> list() {
    return deals.list();
  }

  public ClientDeal get(Cid proposalCid) {
    return deals.get(proposalCid).orElseThrow(() -> new MarketException("no deal with proposal CID " + proposalCid
        + " (see 'market-client storage deals list')"));
  }
}
