package venus.market.client.cli.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import venus.market.client.cli.ClientCli;

/** What the data commands share: the root command's options and JSON printing. */
final class Cli {

  static final ObjectMapper JSON = new ObjectMapper();

  private Cli() {
  }

  static ClientCli root(CommandSpec spec) {
    return (ClientCli) spec.root().userObject();
  }

  static void printJson(PrintWriter out, JsonNode node) {
    try {
      out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("JSON output failed: " + e.getMessage(), e);
    }
    out.flush();
  }
}
