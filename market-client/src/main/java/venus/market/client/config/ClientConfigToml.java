package venus.market.client.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import venus.market.core.amount.Durations;

/** Reads and writes {@link ClientConfig} as TOML; missing keys keep their defaults, unknown keys are ignored. */
public final class ClientConfigToml {

  private ClientConfigToml() {
  }

  public static ClientConfig read(Path file) throws IOException {
    TomlParseResult t = Toml.parse(Files.readString(file));
    if (t.hasErrors()) {
      throw new ClientConfigException(file + ": " + t.errors().get(0).toString());
    }
    ClientConfig d = ClientConfig.defaults();
    ClientConfig.Api api = new ClientConfig.Api(str(t, "API.ListenAddress", d.api().listenAddress()),
        dur(t, "API.Timeout", d.api().timeout()), str(t, "API.Secret", d.api().secret()));
    ClientConfig.Libp2p p2p = new ClientConfig.Libp2p(list(t, "Libp2p.ListenAddresses", d.libp2p().listenAddresses()),
        str(t, "Libp2p.PrivateKey", ""));
    ClientConfig.Node node = new ClientConfig.Node(str(t, "Node.Url", ""), str(t, "Node.Token", ""));
    ClientConfig.DataTransfer dt = new ClientConfig.DataTransfer(
        str(t, "DataTransfer.HttpListenAddress", d.dataTransfer().httpListenAddress()),
        str(t, "DataTransfer.HttpPublicUrl", ""));
    Long delay = t.getLong("Deals.StartEpochDelay");
    ClientConfig.Deals deals = new ClientConfig.Deals(dur(t, "Deals.StatusInterval", d.deals().statusInterval()),
        delay == null ? d.deals().startEpochDelay() : delay);
    ClientConfig.Signer signer = new ClientConfig.Signer(str(t, "Signer.Type", ClientConfig.Signer.NODE),
        str(t, "Signer.Url", ""), str(t, "Signer.Token", ""));
    return new ClientConfig(str(t, "DefaultMarketAddress", ""), api, p2p, node, dt, deals, signer);
  }

  public static String write(ClientConfig c) {
    StringBuilder sb = new StringBuilder();
    sb.append("# market-client daemon configuration (written by 'market-client run'; flags override and are saved)\n");
    sb.append("# Client wallet address used for deals and funds.\n");
    sb.append("DefaultMarketAddress = ").append(q(c.defaultMarketAddress())).append("\n\n");
    sb.append("[API]\n  ListenAddress = ").append(q(c.api().listenAddress())).append("\n");
    sb.append("  Timeout = ").append(q(Durations.format(c.api().timeout()))).append("\n");
    sb.append("  # hex JWT secret; empty = <repo>/keystore/jwt-secret\n");
    sb.append("  Secret = ").append(q(c.api().secret())).append("\n\n");
    sb.append("[Libp2p]\n  ListenAddresses = [")
        .append(c.libp2p().listenAddresses().stream().map(ClientConfigToml::q).collect(Collectors.joining(", ")))
        .append("]\n  PrivateKey = ").append(q(c.libp2p().privateKey())).append("\n\n");
    sb.append("[Node]\n  Url = ").append(q(c.node().url())).append("\n  Token = ").append(q(c.node().token()))
        .append("\n\n");
    sb.append("# Online deals: providers download the deal's CAR from this HTTP server (per-deal URL and token).\n");
    sb.append("[DataTransfer]\n  HttpListenAddress = ").append(q(c.dataTransfer().httpListenAddress())).append("\n");
    sb.append("  # base URL providers can reach, e.g. \"http://203.0.113.7:34124\"; empty = from the listen address\n");
    sb.append("  HttpPublicUrl = ").append(q(c.dataTransfer().httpPublicUrl())).append("\n\n");
    sb.append("[Deals]\n  StatusInterval = ").append(q(Durations.format(c.deals().statusInterval()))).append("\n");
    sb.append("  # default start epoch = chain head + this many epochs (8 days)\n");
    sb.append("  StartEpochDelay = ").append(c.deals().startEpochDelay()).append("\n\n");
    sb.append("# Who signs for the client address: \"node\" (the node's wallet), \"wallet\" (venus-wallet/lotus-wallet at\n");
    sb.append("# Url with Token) or \"local\" (keys in <repo>/keystore/wallet, see 'market-client wallet import').\n");
    sb.append("[Signer]\n  Type = ").append(q(c.signer().type())).append("\n  Url = ").append(q(c.signer().url()))
        .append("\n  Token = ").append(q(c.signer().token())).append("\n");
    return sb.toString();
  }

  private static String str(TomlParseResult t, String key, String dflt) {
    String v = t.getString(key);
    return v == null ? dflt : v;
  }

  private static Duration dur(TomlParseResult t, String key, Duration dflt) {
    String v = t.getString(key);
    if (v == null) {
      return dflt;
    }
    try {
      return Durations.parse(v);
    } catch (RuntimeException e) {
      throw ClientConfigException.invalid(key, v, "a duration such as \"30s\" or \"1m30s\"");
    }
  }

  private static List<String> list(TomlParseResult t, String key, List<String> dflt) {
    TomlArray a = t.getArray(key);
    if (a == null) {
      return dflt;
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      out.add(a.getString(i));
    }
    return out;
  }

  private static String q(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        default -> sb.append(ch);
      }
    }
    return sb.append('"').toString();
  }
}
