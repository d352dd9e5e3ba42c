package venus.market.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import venus.market.core.jsonrpc.RpcClient;
import venus.market.core.jsonrpc.RpcTransportException;

/** JSON-RPC calls answered as JSON trees (the tests read only the fields they assert on). */
final class Rpc {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final RpcClient client;
  private final String namespace;

  Rpc(URI url, String token, String namespace, Duration timeout) {
    this.client = new RpcClient(url, token, MAPPER, timeout);
    this.namespace = namespace;
  }

  /**
   * One call; a transport failure is tried once more, because the JDK client may reuse a keep-alive connection the
   * server has just closed ("header parser received no bytes"). A process that is really down fails both times.
   */
  JsonNode call(String method, Object... params) {
    try {
      return client.call(namespace + "." + method, JsonNode.class, params);
    } catch (RpcTransportException e) {
      Poll.sleep(java.time.Duration.ofMillis(100));
      return client.call(namespace + "." + method, JsonNode.class, params);
    }
  }

  static ObjectMapper mapper() {
    return MAPPER;
  }
}
