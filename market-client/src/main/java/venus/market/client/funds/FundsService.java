package venus.market.client.funds;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.client.node.ChainNode;
import venus.market.core.MarketException;
import venus.market.core.address.Address;
import venus.market.core.amount.TokenAmount;
import venus.market.core.market.AddBalanceParams;
import venus.market.core.market.MarketBalance;
import venus.market.core.market.MarketMethods;
import venus.market.core.market.WithdrawBalanceParams;
import venus.market.core.multiformats.Cid;

/**
 * The client's market escrow: AddBalance (method 2, value = amount, params = the address credited) and
 * WithdrawBalance (method 3) messages to the market actor f05, pushed through the node, which signs them with the
 * wallet key of {@code from}.
 */
public final class FundsService {
  private static final Logger LOG = LoggerFactory.getLogger(FundsService.class);
  private static final Address MARKET_ACTOR = Address.newId(MarketMethods.ACTOR_ID);

  private final ChainNode node;

  public FundsService(ChainNode node) {
    this.node = node;
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
    Cid c = node.mpoolPushMessage(from, MARKET_ACTOR, amount, MarketMethods.ADD_BALANCE,
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
    Cid c = node.mpoolPushMessage(wallet, MARKET_ACTOR, TokenAmount.ZERO, MarketMethods.WITHDRAW_BALANCE,
        new WithdrawBalanceParams(who, amt).toCbor());
    LOG.info("WithdrawBalance pushed cid={} from={} amount={}", c, wallet, amt);
    return c;
  }
}
