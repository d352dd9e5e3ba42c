package venus.market.daemon;

import java.util.ArrayList;
import java.util.List;
import venus.market.daemon.config.ConfigException;
import venus.market.daemon.config.MarketConfig;

/** What a config must contain before the daemon starts; one message naming the flag and the key to set. */
public final class StartupCheck {
  private StartupCheck() {}

  public static void require(MarketConfig c, String configFile) {
    List<String> missing = new ArrayList<>();
    if (!c.node().configured()) {
      missing.add("the full node: --node-url/--node-token or [Node] Url/Token");
    }
    if (c.pieceStorage().isEmpty()) {
      missing.add("a piece storage: --piecestorage=fs:/path or [PieceStorage.Fs] Enable/Path");
    }
    if (!missing.isEmpty()) {
      throw new ConfigException("cannot start: missing " + String.join("; missing ", missing) + " (in " + configFile + ")");
    }
  }
}
