package venus.market.devnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import venus.market.core.jsonrpc.ApiInfo;
import venus.market.core.jsonrpc.RpcClient;
import venus.market.devnet.DevnetException;

/** Calls the running devnet of a repo, using the repo's {@code api} and {@code token} files. */
final class NodeClient {
  private final RpcClient rpc;

  private NodeClient(RpcClient rpc) {
    this.rpc = rpc;
  }

  static NodeClient of(Path repo) {
    ApiInfo info = ApiInfo.parse(apiInfo(repo));
    return new NodeClient(RpcClient.of(info, "v1", new ObjectMapper(), Duration.ofSeconds(60)));
  }

  /** "token:/ip4/…" of the running devnet of {@code repo}, from its {@code token} and {@code api} files. */
  static String apiInfo(Path repo) {
    try {
      String token = Files.readString(repo.resolve("token"), StandardCharsets.US_ASCII).trim();
      String api = Files.readString(repo.resolve("api"), StandardCharsets.US_ASCII).trim();
      return token + ":" + api;
    } catch (NoSuchFileException e) {
      throw new DevnetException("no running devnet in " + repo + " (missing " + e.getFile() + "); start one with `market-devnet run`");
    } catch (IOException e) {
      throw new DevnetException("cannot read the devnet API info in " + repo + ": " + e.getMessage(), e);
    }
  }

  JsonNode call(String method, Object... params) {
    return rpc.call("Filecoin." + method, JsonNode.class, params);
  }
}
