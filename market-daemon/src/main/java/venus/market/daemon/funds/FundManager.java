package venus.market.daemon.funds;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.core.address.Address;
import venus.market.core.amount.TokenAmount;
import venus.market.core.market.WithdrawBalanceParams;
import venus.market.core.chain.SignedMessage;
import venus.market.core.market.AddBalanceParams;
import venus.market.core.market.MarketMethods;
import venus.market.core.multiformats.Cid;
import venus.market.daemon.node.ChainMessenger;
import venus.market.daemon.node.NodeClient;
import venus.market.daemon.node.NodeJson;
import venus.market.daemon.store.KvStore;

/**
 * Provider (and operator) reservations on market escrow, after lotus' market.FundManager: each address has a
 * reserved total; when escrow − locked no longer covers it, an AddBalance message tops the escrow up by the
 * shortfall.
 *
 * <p>Reservations are persisted one entry per deal ({@code /storage/provider/funds/<addr>/deal/<proposalCid>}) plus
 * one operator entry ({@code .../manual}, MarketReserveFunds/MarketReleaseFunds), and the total is their sum. Reserving
 * or releasing a deal's collateral is therefore idempotent — a stage that runs again after a crash cannot count a
 * deal twice or release it twice.
 */
public final class FundManager {
  private static final Logger LOG = LoggerFactory.getLogger(FundManager.class);
  private static final String PREFIX = "/storage/provider/funds/";

  private final KvStore store;
  private final NodeClient node;
  private final ChainMessenger messenger;
  /** AddBalance amounts sent and not yet seen on chain, per address (in memory: a restart may top up once more). */
  private final Map<String, Map<Cid, BigInteger>> inFlight = new HashMap<>();

  public FundManager(KvStore store, NodeClient node, ChainMessenger messenger) {
    this.store = store;
    this.node = node;
    this.messenger = messenger;
  }

  /** The outcome of a reservation: the top-up message, if one was needed. */
  public record Reservation(TokenAmount reserved, Optional<Cid> addBalanceCid) {}

  /**
   * Reserves {@code amount} for deal {@code proposalCid} in {@code addr}'s escrow (replacing an earlier reservation
   * of the same deal) and, if escrow − locked − in-flight top-ups falls short of the total reserved, sends AddBalance
   * for the shortfall from {@code wallet}.
   */
  public synchronized Reservation reserveForDeal(Address wallet, Address addr, Cid proposalCid, TokenAmount amount,
      BigInteger maxFee) {
    store.put(dealKey(addr, proposalCid), amount.atto().toByteArray());
    LOG.info("funds: reserved {} for deal {} in the escrow of {} (total reserved {})", amount.toShortString(),
        proposalCid, addr, reserved(addr).toShortString());
    return new Reservation(amount, topUp(wallet, addr, maxFee));
  }

  /** Releases the deal's reservation; a no-op if it holds none (already released). */
  public synchronized TokenAmount releaseForDeal(Address addr, Cid proposalCid) {
    String key = dealKey(addr, proposalCid);
    Optional<byte[]> v = store.get(key);
    if (v.isEmpty()) {
      return TokenAmount.ZERO;
    }
    store.delete(key);
    TokenAmount amt = TokenAmount.ofAtto(new BigInteger(v.get()));
    LOG.info("funds: released {} of deal {} in the escrow of {} (total reserved {})", amt.toShortString(), proposalCid,
        addr, reserved(addr).toShortString());
    return amt;
  }

  /** Whether the deal holds a reservation. */
  public synchronized boolean holds(Address addr, Cid proposalCid) {
    return store.get(dealKey(addr, proposalCid)).isPresent();
  }

  /** MarketReserveFunds: adds to the operator reservation of {@code addr}, topping up the escrow if short. */
  public synchronized Optional<Cid> reserve(Address wallet, Address addr, TokenAmount amount, BigInteger maxFee) {
    store.put(manualKey(addr), manual(addr).add(amount).atto().toByteArray());
    return topUp(wallet, addr, maxFee);
  }

  /** MarketReleaseFunds: lowers the operator reservation of {@code addr} (never below zero). */
  public synchronized void release(Address addr, TokenAmount amount) {
    TokenAmount left = TokenAmount.max(TokenAmount.ZERO, manual(addr).subtract(amount));
    store.put(manualKey(addr), left.atto().toByteArray());
  }

  /** Total reserved in {@code addr}'s escrow: every deal reservation plus the operator's. */
  public synchronized TokenAmount reserved(Address addr) {
    BigInteger sum = BigInteger.ZERO;
    for (byte[] v : store.scan(PREFIX + key(addr) + "/").values()) {
      sum = sum.add(new BigInteger(v));
    }
    return TokenAmount.ofAtto(sum);
  }

  /** MarketAddBalance: AddBalance of {@code amount} to {@code addr}'s escrow from {@code wallet}. */
  public Cid addBalance(Address wallet, Address addr, TokenAmount amount, BigInteger maxFee) {
    SignedMessage m = messenger.send(wallet, Address.newId(MarketMethods.ACTOR_ID), amount, MarketMethods.ADD_BALANCE,
        new AddBalanceParams(addr).toCbor(), maxFee, s -> {});
    return m.cid();
  }

  /** MarketWithdraw: WithdrawBalance of {@code amount} from {@code addr}'s escrow, sent by {@code wallet}. */
  public Cid withdraw(Address wallet, Address addr, TokenAmount amount) {
    byte[] params = new WithdrawBalanceParams(addr, amount).toCbor();
    return messenger.send(wallet, Address.newId(MarketMethods.ACTOR_ID), TokenAmount.ZERO,
        MarketMethods.WITHDRAW_BALANCE, params, BigInteger.ZERO, s -> {}).cid();
  }

  /** Called when a top-up message is on chain (or failed): it no longer counts as in flight. */
  public synchronized void landed(Address addr, Cid addBalanceCid) {
    Map<Cid, BigInteger> m = inFlight.get(key(addr));
    if (m != null) {
      m.remove(addBalanceCid);
    }
  }

  private Optional<Cid> topUp(Address wallet, Address addr, BigInteger maxFee) {
    NodeJson.MarketBalance bal = node.stateMarketBalance(addr);
    BigInteger available = new BigInteger(bal.escrow()).subtract(new BigInteger(bal.locked()));
    // A top-up the chain already executed is in that balance; counting it as in flight too (until the watcher's
    // confidence is reached) left the escrow short by its amount and failed the next deal at publishing. Looked up
    // after the balance, so a top-up landing in between is counted nowhere: one more top-up, never one too few.
    Map<Cid, BigInteger> sent = inFlight.get(key(addr));
    if (sent != null) {
      sent.keySet().removeIf(cid -> node.stateSearchMsg(cid.toString()) != null);
    }
    BigInteger pending = sent == null ? BigInteger.ZERO
        : sent.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
    BigInteger shortfall = reserved(addr).atto().subtract(available).subtract(pending);
    if (shortfall.signum() <= 0) {
      // Covered only thanks to a top-up still in flight: wait for that one rather than publish before it lands.
      boolean needsInFlight = reserved(addr).atto().compareTo(available) > 0;
      return needsInFlight ? inFlight.get(key(addr)).keySet().stream().reduce((a, b) -> b) : Optional.empty();
    }
    TokenAmount amt = TokenAmount.ofAtto(shortfall);
    Cid cid = addBalance(wallet, addr, amt, maxFee);
    inFlight.computeIfAbsent(key(addr), k -> new java.util.LinkedHashMap<>()).put(cid, shortfall);
    LOG.info("funds: escrow of {} short by {}: AddBalance {} from {}", addr, amt.toShortString(), cid, wallet);
    return Optional.of(cid);
  }

  private TokenAmount manual(Address addr) {
    return store.get(manualKey(addr)).map(v -> TokenAmount.ofAtto(new BigInteger(v))).orElse(TokenAmount.ZERO);
  }

  private static String dealKey(Address addr, Cid proposalCid) {
    return PREFIX + key(addr) + "/deal/" + proposalCid;
  }

  /** Network-independent: the same escrow whatever prefix the process prints. */
  private static String key(Address addr) {
    return addr.toString(venus.market.core.address.Network.MAINNET);
  }

  private static String manualKey(Address addr) {
    return PREFIX + key(addr) + "/manual";
  }
}
