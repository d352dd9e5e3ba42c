package venus.market.cli.options;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import venus.market.core.jsonrpc.RpcCaller;
import venus.market.daemon.api.MarketApi;

/** Calls {@code VENUS_MARKET.<method>} on the daemon. */
public final class DaemonClient {
  private final RpcCaller rpc;

  public DaemonClient(RpcCaller rpc) {
    this.rpc = rpc;
  }

  public static ObjectMapper mapper() {
    return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  }

  public <T> T call(String method, Class<T> type, Object... params) {
    return rpc.call(MarketApi.full(method), type, params);
  }

  public <T> T call(String method, TypeReference<T> type, Object... params) {
    return rpc.call(MarketApi.full(method), type, params);
  }

  /** A method whose result is ignored (void in Go). */
  public void invoke(String method, Object... params) {
    rpc.call(MarketApi.full(method), Object.class, params);
  }
}
