package venus.market.cli.options;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** {@code --json}: print the raw API result as JSON instead of the human table. */
public final class OutputOptions {
  @Option(names = "--json", description = "print the result as JSON")
  boolean json;

  public boolean json() {
    return json;
  }

  public static void printJson(PrintWriter out, Object value) {
    try {
      out.println(DaemonClient.mapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot print result as JSON: " + e.getMessage(), e);
    }
    out.flush();
  }
}
