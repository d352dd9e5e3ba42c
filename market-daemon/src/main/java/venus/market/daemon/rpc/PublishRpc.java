package venus.market.daemon.rpc;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigInteger;
import java.util.List;
import java.util.function.Supplier;
import venus.market.core.amount.TokenAmount;
import venus.market.core.jsonrpc.Permission;
import venus.market.core.jsonrpc.RpcRegistry;
import venus.market.core.market.ClientDealProposal;
import venus.market.daemon.api.ApiJson;
import venus.market.daemon.api.MarketApi;
import venus.market.daemon.config.MarketConfig;
import venus.market.daemon.funds.FundManager;
import venus.market.daemon.publish.DealPublisher;

/**
 * The publisher queue (MarketPendingDeals write, MarketPublishPendingDeals admin) and droplet's funds methods
 * (MarketAddBalance, MarketGetReserved, MarketReserveFunds, MarketReleaseFunds, MarketWithdraw, all sign), with
 * venus-shared's parameter and result shapes.
 */
public final class PublishRpc {
  public static final String MARKET_ADD_BALANCE = "MarketAddBalance";
  public static final String MARKET_GET_RESERVED = "MarketGetReserved";
  public static final String MARKET_RESERVE_FUNDS = "MarketReserveFunds";
  public static final String MARKET_RELEASE_FUNDS = "MarketReleaseFunds";
  public static final String MARKET_WITHDRAW = "MarketWithdraw";

  private PublishRpc() {}

  /** market.ClientDealProposal in Lotus JSON. */
  public record ClientDealProposalJson(@JsonProperty("Proposal") ApiJson.DealProposal proposal,
      @JsonProperty("ClientSignature") ApiJson.Signature clientSignature) {}

  /** api.PendingDealInfo: PublishPeriod in nanoseconds (Go time.Duration), PublishPeriodStart RFC 3339. */
  public record PendingDealInfo(@JsonProperty("Deals") List<ClientDealProposalJson> deals,
      @JsonProperty("PublishPeriodStart") String publishPeriodStart,
      @JsonProperty("PublishPeriod") long publishPeriod) {}

  public static void register(RpcRegistry.Namespace ns, DealPublisher publisher, FundManager funds,
      Supplier<MarketConfig> config) {
    ns.method(MarketApi.MARKET_PENDING_DEALS, Permission.WRITE, c -> publisher.pending().stream()
        .map(p -> new PendingDealInfo(p.deals().stream().map(PublishRpc::json).toList(),
            p.periodStart() == null ? "0001-01-01T00:00:00Z" : p.periodStart().toString(),
            p.period() == null ? 0 : p.period().toNanos()))
        .toList());
    ns.method(MarketApi.MARKET_PUBLISH_PENDING_DEALS, Permission.ADMIN, c -> {
      publisher.publishAll();
      return null;
    });
    ns.<String, String, String>method3(MARKET_ADD_BALANCE, Permission.SIGN, String.class, String.class, String.class,
        (wallet, addr, amt) -> cid(funds.addBalance(RpcParams.address("wallet", wallet),
            RpcParams.address("address", addr), amount(amt), addFee(config, addr))));
    ns.<String>method1(MARKET_GET_RESERVED, Permission.SIGN, String.class,
        addr -> funds.reserved(RpcParams.address("address", addr)).atto().toString());
    ns.<String, String, String>method3(MARKET_RESERVE_FUNDS, Permission.SIGN, String.class, String.class, String.class,
        (wallet, addr, amt) -> funds.reserve(RpcParams.address("wallet", wallet), RpcParams.address("address", addr),
            amount(amt), addFee(config, addr)).map(PublishRpc::cid).orElse(null));
    ns.<String, String>method2(MARKET_RELEASE_FUNDS, Permission.SIGN, String.class, String.class, (addr, amt) -> {
      funds.release(RpcParams.address("address", addr), amount(amt));
      return null;
    });
    ns.<String, String, String>method3(MARKET_WITHDRAW, Permission.SIGN, String.class, String.class, String.class,
        (wallet, addr, amt) -> cid(funds.withdraw(RpcParams.address("wallet", wallet),
            RpcParams.address("address", addr), amount(amt))));
  }

  private static ClientDealProposalJson json(ClientDealProposal p) {
    return new ClientDealProposalJson(DealRpc.proposalJson(p.proposal()),
        AskConversions.signature(p.clientSignature()));
  }

  private static ApiJson.CidJson cid(venus.market.core.multiformats.Cid c) {
    return new ApiJson.CidJson(c.toString());
  }

  private static TokenAmount amount(String text) {
    BigInteger v = RpcParams.bigInt("amount", text);
    if (v.signum() < 0) {
      throw new venus.market.core.jsonrpc.RpcInvalidParamsException("amount: must not be negative, got " + text);
    }
    return TokenAmount.ofAtto(v);
  }

  private static BigInteger addFee(Supplier<MarketConfig> config, String addr) {
    return config.get().policyFor(addr).maxMarketBalanceAddFee();
  }
}
