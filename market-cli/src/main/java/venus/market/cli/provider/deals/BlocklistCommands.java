package venus.market.cli.provider.deals;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import venus.market.cli.options.DaemonClient;
import venus.market.cli.options.OutputOptions;
import venus.market.cli.provider.ThinCommand;
import venus.market.daemon.api.ApiJson;
import venus.market.daemon.api.MarketApi;

/** {@code set-blocklist [file]}, {@code get-blocklist}, {@code reset-blocklist}: rejected piece CIDs. */
public final class BlocklistCommands {
  private BlocklistCommands() {}

  /** Replaces the list with the CIDs in the file (or stdin), one per line. */
  @Command(name = "set-blocklist", description = "Replace the piece CID blocklist (one CID per line, file or stdin).")
  public static final class Set extends ThinCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "<file>")
    Path file;

    @Override
    protected void run(DaemonClient daemon) throws IOException {
      List<String> lines = file != null ? Files.readAllLines(file, StandardCharsets.UTF_8)
          : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).lines().toList();
      List<ApiJson.CidJson> cids = new ArrayList<>();
      for (String l : lines) {
        if (!l.isBlank()) {
          cids.add(new ApiJson.CidJson(l.trim()));
        }
      }
      daemon.invoke(MarketApi.DEALS_SET_PIECE_CID_BLOCKLIST, cids);
    }
  }

  /** One CID per line. */
  @Command(name = "get-blocklist", description = "Print the piece CID blocklist.")
  public static final class Get extends ThinCommand {
    @Mixin OutputOptions output;

    @Override
    protected void run(DaemonClient daemon) {
      List<ApiJson.CidJson> cids = daemon.call(MarketApi.DEALS_PIECE_CID_BLOCKLIST, new TypeReference<List<ApiJson.CidJson>>() {});
      if (output.json()) {
        OutputOptions.printJson(out(), cids);
        return;
      }
      cids.forEach(c -> out().println(c.cid()));
    }
  }

  /** Empties the list. */
  @Command(name = "reset-blocklist", description = "Empty the piece CID blocklist.")
  public static final class Reset extends ThinCommand {
    @Override
    protected void run(DaemonClient daemon) {
      daemon.invoke(MarketApi.DEALS_SET_PIECE_CID_BLOCKLIST, List.of());
    }
  }
}
