package venus.market.daemon.rpc;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import venus.market.core.jsonrpc.Permission;
import venus.market.core.jsonrpc.RpcInvalidParamsException;
import venus.market.core.jsonrpc.RpcRegistry;
import venus.market.core.multiformats.Cid;
import venus.market.daemon.api.ApiJson;
import venus.market.daemon.api.MarketApi;
import venus.market.daemon.config.PolicyKey;
import venus.market.daemon.repo.LiveConfig;

/**
 * The global deal acceptance policy over the API (droplet 2022 names and permissions): the Consider
 * switches, the piece CID blocklist and the expected seal duration. Changes are saved to config.toml.
 */
final class PolicyRpc {
  private PolicyRpc() {}

  static void register(RpcRegistry.Namespace ns, LiveConfig config) {
    for (MarketApi.Consider c : MarketApi.Consider.values()) {
      PolicyKey key = PolicyKey.valueOf(c.configKey());
      ns.method(c.getter(), Permission.ADMIN, call -> config.get().policy().get(key));
      ns.<Boolean>method1(c.setter(), Permission.ADMIN, Boolean.class, v -> {
        config.update(key + " = " + v, cfg -> cfg.withPolicy(cfg.policy().with(key, v)));
        return null;
      });
    }
    ns.method(MarketApi.DEALS_PIECE_CID_BLOCKLIST, Permission.ADMIN,
        call -> config.get().policy().pieceCidBlocklist().stream().map(ApiJson.CidJson::new).toList());
    ns.<List<ApiJson.CidJson>>method1(MarketApi.DEALS_SET_PIECE_CID_BLOCKLIST, Permission.ADMIN,
        new TypeReference<List<ApiJson.CidJson>>() {}.getType(), cids -> {
          List<String> list = new ArrayList<>();
          for (ApiJson.CidJson c : cids == null ? List.<ApiJson.CidJson>of() : cids) {
            try {
              list.add(Cid.parse(c.cid()).toString());
            } catch (RuntimeException e) {
              throw new RpcInvalidParamsException("blocklist: not a CID: \"" + c.cid() + "\"");
            }
          }
          config.update("PieceCidBlocklist (" + list.size() + " CIDs)",
              cfg -> cfg.withPolicy(cfg.policy().with(PolicyKey.PieceCidBlocklist, list)));
          return null;
        });
    ns.method(MarketApi.SECTOR_GET_SEAL_DELAY, Permission.READ,
        call -> config.get().policy().expectedSealDuration().toNanos());
    ns.<Long>method1(MarketApi.SECTOR_SET_EXPECTED_SEAL_DURATION, Permission.WRITE, Long.class, ns2 -> {
      if (ns2 == null || ns2 < 0) {
        throw new RpcInvalidParamsException("expected seal duration must be a non-negative number of nanoseconds");
      }
      config.update("ExpectedSealDuration", cfg -> cfg.withPolicy(cfg.policy().with(PolicyKey.ExpectedSealDuration,
          Duration.ofNanos(ns2))));
      return null;
    });
  }
}
