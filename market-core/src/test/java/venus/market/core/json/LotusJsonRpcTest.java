package venus.market.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import venus.market.core.address.Address;
import venus.market.core.address.Network;
import venus.market.core.amount.TokenAmount;
import venus.market.core.jsonrpc.JwtTokens;
import venus.market.core.jsonrpc.Permission;
import venus.market.core.jsonrpc.RpcAuthPolicy;
import venus.market.core.jsonrpc.RpcClient;
import venus.market.core.jsonrpc.RpcRegistry;
import venus.market.core.jsonrpc.RpcServer;
import venus.market.core.multiformats.Cid;

/** Lotus API example requests sent over the wire to a server using {@link LotusJson}. */
class LotusJsonRpcTest {
  private static final ObjectMapper MAPPER = LotusJson.mapper(Network.MAINNET);

  @Test
  void serverDecodesLotusParamsAndEncodesLotusResults() throws Exception {
    LotusJsonTest.load();
    JsonNode dealVector = LotusJsonTest.result("StateMarketStorageDeal");
    LotusJsonTest.MarketDeal deal = MAPPER.treeToValue(dealVector, LotusJsonTest.MarketDeal.class);
    RpcRegistry registry = new RpcRegistry();
    registry
        .namespace("Filecoin")
        .method2(
            "StateMarketStorageDeal",
            Permission.READ,
            long.class,
            new TypeReference<List<Cid>>() {}.getType(),
            (Long id, List<Cid> tsk) -> {
              assertThat(id).isEqualTo(5432L);
              assertThat(tsk).hasSize(2);
              return deal;
            })
        .method1(
            "WalletBalance",
            Permission.READ,
            Address.class,
            (Address a) -> a.equals(Address.newId(1234)) ? TokenAmount.ZERO : TokenAmount.ofFil(1));
    try (RpcServer server =
        RpcServer.builder()
            .endpoint("/rpc/v1", registry)
            .mapper(MAPPER)
            .auth(RpcAuthPolicy.lotusDefault(new JwtTokens("k".getBytes())))
            .build()
            .start()) {
      URI uri = URI.create("http://127.0.0.1:" + server.port() + "/rpc/v1");
      for (String method : List.of("StateMarketStorageDeal", "WalletBalance")) {
        ObjectNode req = MAPPER.createObjectNode();
        req.put("jsonrpc", "2.0").put("method", "Filecoin." + method).put("id", 1);
        req.set("params", LotusJsonTest.params(method));
        HttpResponse<String> resp =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(uri)
                        .POST(HttpRequest.BodyPublishers.ofString(req.toString()))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(MAPPER.readTree(resp.body()).get("result"))
            .as(method)
            .isEqualTo(LotusJsonTest.result(method));
      }
      RpcClient client = new RpcClient(uri, null, MAPPER, Duration.ofSeconds(20));
      assertThat(client.call("Filecoin.WalletBalance", TokenAmount.class, Address.newId(99)))
          .isEqualTo(TokenAmount.ofFil(1));
    }
  }
}
