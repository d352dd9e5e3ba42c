package venus.market.client.funds;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.client.node.ChainNode;
import venus.market.client.wallet.ClientSigner;
import venus.market.core.MarketException;
import venus.market.core.address.Address;
import venus.market.core.amount.TokenAmount;
import venus.market.core.chain.SignedMessage;
import venus.market.core.chain.UnsignedMessage;
import venus.market.core.crypto.Signature;
import venus.market.core.market.AddBalanceParams;
import venus.market.core.market.MarketBalance;
import venus.market.core.market.MarketMethods;
import venus.market.core.market.WithdrawBalanceParams;
import venus.market.core.multiformats.Cid;

/**
 * The client's market escrow: AddBalance (method 2, value = amount, params = the address credited) and
 * WithdrawBalance (method 3) messages to the market actor f05, signed with the wallet key of {@code from} (see
 * {@link #push}).
 */
public final class FundsService {
  private static final Logger LOG = LoggerFactory.getLogger(FundsService.class);
  private static final Address MARKET_ACTOR = Address.newId(MarketMethods.ACTOR_ID);

  private final ChainNode node;
  private final ClientSigner signer;

  public FundsService(ChainNode node, ClientSigner signer) {
    this.node = node;
    this.signer = signer;
  }

  /**
   * The node's wallet signs and pushes in one call (MpoolPushMessage); with a separate or local wallet the node
   * cannot sign, so the message is built here (nonce and gas from the node), signed by {@code from}'s key, and pushed.
   */
  private Cid push(Address from, TokenAmount value, long method, byte[] params) {
    if (signer.isNodeWallet()) {
      return node.mpoolPushMessage(from, MARKET_ACTOR, value, method, params);
    }
    Address key = from.isId() ? node.stateAccountKey(from) : from;
    UnsignedMessage draft = UnsignedMessage.builder().from(key).to(MARKET_ACTOR).value(value).method(method)
        .params(params).nonce(node.mpoolGetNonce(key)).build();
    UnsignedMessage gas = node.gasEstimateMessageGas(draft);
    UnsignedMessage msg = draft.toBuilder().gasLimit(gas.gasLimit()).gasFeeCap(gas.gasFeeCap())
        .gasPremium(gas.gasPremium()).build();
    Signature sig = signer.sign(key, msg.cid().bytes(), ClientSigner.META_MESSAGE, msg.toCbor());
    return node.mpoolPush(new SignedMessage(msg, sig));
  }

  public MarketBalance balance(Address addr) {
    return node.stateMarketBalance(addr);
  }

  public TokenAmount walletBalance(Address addr) {
    return node.walletBalance(addr);
  }

  public Cid add(Address from, Address to, TokenAmount amount) {
    if (!amount.isPositive()) {
      throw new MarketException("amount to add must be more than 0, got " + amount);
    }
    Cid c = push(from, amount, MarketMethods.ADD_BALANCE,
        new AddBalanceParams(to == null ? from : to).toCbor());
    LOG.info("AddBalance pushed cid={} from={} amount={}", c, from, amount);
    return c;
  }

  /** @param amount null = everything available (escrow − locked) */
  public Cid withdraw(Address wallet, Address escrowOf, TokenAmount amount) {
    Address who = escrowOf == null ? wallet : escrowOf;
    MarketBalance b = node.stateMarketBalance(who);
    TokenAmount amt = amount == null ? b.available() : amount;
    if (!amt.isPositive()) {
      throw new MarketException("nothing to withdraw: available market balance of " + who + " is " + b.available());
    }
    if (amt.greaterThan(b.available())) {
      throw new MarketException("can't withdraw more funds than available; requested: " + amt + "; available: "
          + b.available());
    }
    Cid c = push(wallet, TokenAmount.ZERO, MarketMethods.WITHDRAW_BALANCE,
        new WithdrawBalanceParams(who, amt).toCbor());
    LOG.info("WithdrawBalance pushed cid={} from={} amount={}", c, wallet, amt);
    return c;
  }
}
