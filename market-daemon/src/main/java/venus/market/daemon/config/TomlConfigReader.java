package venus.market.daemon.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;
import venus.market.p2p.host.InboundLimits;

/**
 * Reads config.toml into a {@link MarketConfig}: missing keys take their defaults, wrong values and
 * unknown keys fail with a {@link ConfigException} naming the key. Accepts both the 2022 droplet layout
 * ({@code [PieceStorage.Fs] Enable/Path}) and the list layout ({@code [[PieceStorage.Fs]]}).
 */
public final class TomlConfigReader {
  /** Sections of droplet's config we accept for compatibility but do not use. */
  private static final Set<String> IGNORED_TOP =
      Set.of("Mysql", "Journal", "DAGStore", "AddressConfig", "RetrievalPricing", "Metrics");

  private TomlConfigReader() {}

  public static MarketConfig read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return parse(text, file.toString());
  }

  public static MarketConfig parse(String text, String source) {
    rejectControlCharacters(text, source);
    TomlParseResult toml;
    try {
      toml = Toml.parse(text);
    } catch (RuntimeException | AssertionError e) {
      // tomlj's error recovery has internal assertions that hostile input can trip under -ea
      throw new ConfigException(source + ": not valid TOML (the parser gave up: " + e + ")", e);
    }
    if (toml.hasErrors()) {
      var err = toml.errors().get(0);
      throw new ConfigException(source + ": not valid TOML: " + err.toString());
    }
    TomlSection top = new TomlSection(source, "", toml);
    MarketConfig d = MarketConfig.defaults();
    DealPolicy policy = PolicyReader.read(top, d.policy(), EnumSet.noneOf(PolicyKey.class));
    var transfers = new MarketConfig.TransferLimits(
        top.positiveInt("SimultaneousTransfersForStorage", d.transfers().forStorage()),
        top.positiveInt("SimultaneousTransfersForStoragePerClient", d.transfers().forStoragePerClient()),
        top.positiveInt("SimultaneousTransfersForRetrieval", d.transfers().forRetrieval()),
        top.nonNegativeLong("MaxStagingDealsBytes", d.transfers().maxStagingDealsBytes()));
    String transferPath = top.has("TransferPath") ? top.string("TransferPath", "") : top.string("TransfePath", "");
    ApiConfig api = readApi(top.table("API"), d.api());
    Libp2pConfig libp2p = readLibp2p(top.table("Libp2p"), d.libp2p());
    EndpointConfig node = endpoint(top.table("Node"));
    EndpointConfig messager = endpoint(top.table("Messager"));
    EndpointConfig authNode = endpoint(top.table("AuthNode"));
    SignerConfig signer = readSigner(top.table("Signer"));
    PieceStorageConfig pieces = PieceStorageReader.read(top.table("PieceStorage"));
    List<StorageMinerConfig> miners = readMiners(top, policy);
    TomlSection pay = top.table("RetrievalPaymentAddress");
    var payment = new MarketConfig.PaymentAddressConfig(address(pay, "Addr", true), pay.string("Account", ""));
    pay.rejectUnknown(Set.of());
    top.rejectUnknown(IGNORED_TOP);
    return new MarketConfig(policy, transfers, transferPath, api, libp2p, node, messager, signer, authNode,
        pieces, miners, payment);
  }

  /**
   * TOML allows no control character but tab and line ends, anywhere (comments and strings included). Refused up front
   * with the line, because tomlj's error recovery trips an internal assertion on a table header with NULs in it (fuzz
   * finding, DaemonDecodersFuzzTestInputs/configFailsOnlyWithConfigException/nul-in-array-table-header).
   */
  private static void rejectControlCharacters(String text, String source) {
    int line = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
      } else if ((c < 0x20 && c != '\t' && c != '\r') || c == 0x7f) {
        throw new ConfigException(String.format("%s line %d: control character U+%04X is not allowed in TOML (only tab"
            + " and line ends are); remove it", source, line, (int) c));
      }
    }
  }

  private static ApiConfig readApi(TomlSection s, ApiConfig d) {
    ApiConfig api = new ApiConfig(
        multiaddr(s, "ListenAddress", d.listenAddress(), false),
        multiaddr(s, "RemoteListenAddress", d.remoteListenAddress(), true),
        s.string("Secret", d.secret()),
        s.duration("Timeout", d.timeout()));
    if (!api.secret().isEmpty() && !api.secret().matches("([0-9a-fA-F]{2}){16,}")) {
      throw s.invalid("Secret", "<redacted>", "expected hex of at least 16 bytes, or \"\" for the repo's key");
    }
    s.rejectUnknown(Set.of());
    return api;
  }

  private static Libp2pConfig readLibp2p(TomlSection s, Libp2pConfig d) {
    List<String> listen = s.stringList("ListenAddresses", d.listenAddresses());
    for (String a : listen) {
      if (!Multiaddrs.isTcp(a)) {
        throw s.invalid("ListenAddresses", a, "expected tcp multiaddrs such as \"/ip4/0.0.0.0/tcp/58418\"");
      }
    }
    Libp2pConfig l = new Libp2pConfig(listen,
        s.stringList("AnnounceAddresses", d.announceAddresses()),
        s.stringList("NoAnnounceAddresses", d.noAnnounceAddresses()),
        s.string("PrivateKey", d.privateKey()),
        inboundLimits(s, d.inboundLimits()));
    if (!l.privateKey().isEmpty() && !l.privateKey().matches("([0-9a-fA-F]{2})+")) {
      throw s.invalid("PrivateKey", "<redacted>", "expected hex of a protobuf libp2p key, or \"\"");
    }
    s.rejectUnknown(Set.of());
    return l;
  }

  private static InboundLimits inboundLimits(TomlSection s, InboundLimits d) {
    return new InboundLimits(
        s.positiveInt("MaxHandshakesPerAddress", d.handshakesPerAddress()),
        s.positiveInt("MaxConnectionsPerAddress", d.connectionsPerAddress()),
        s.positiveInt("MaxStreamHandlers", d.streamHandlers()),
        s.positiveInt("MaxStreamHandlersPerPeer", d.streamHandlersPerPeer()),
        s.positiveInt("MaxStreamHandlersPerAddress", d.streamHandlersPerAddress()),
        s.bool("LimitLoopback", d.limitLoopback()),
        s.positiveLong("MaxBufferedBytes", d.bufferedBytes()),
        s.positiveLong("MaxBufferedBytesPerConnection", d.bufferedBytesPerConnection()),
        s.positiveLong("MaxBufferedBytesPerAddress", d.bufferedBytesPerAddress()));
  }

  private static EndpointConfig endpoint(TomlSection s) {
    EndpointConfig e = new EndpointConfig(endpointUrl(s, "Url"), s.string("Token", ""));
    s.rejectUnknown(Set.of());
    return e;
  }

  static String endpointUrl(TomlSection s, String key) {
    String url = s.string(key, "");
    if (!url.isEmpty() && !Multiaddrs.isEndpoint(url)) {
      throw s.invalid(key, url, "expected a multiaddr such as \"/ip4/127.0.0.1/tcp/1234\" or an http(s)/ws(s) URL");
    }
    return url;
  }

  private static SignerConfig readSigner(TomlSection s) {
    String type = s.string("Type", "");
    if (!type.isEmpty() && !type.equals(SignerConfig.WALLET) && !type.equals(SignerConfig.LOTUS_NODE)) {
      throw s.invalid("Type", type, "expected \"wallet\" (venus-wallet at Url), \"lotusnode\" (the node's wallet) or \"\"");
    }
    SignerConfig c = new SignerConfig(type, endpointUrl(s, "Url"), s.string("Token", ""));
    if (type.equals(SignerConfig.WALLET) && c.url().isEmpty()) {
      throw s.invalid("Url", "", "Signer.Type = \"wallet\" needs the wallet's Url");
    }
    s.rejectUnknown(Set.of());
    return c;
  }

  private static List<StorageMinerConfig> readMiners(TomlSection top, DealPolicy global) {
    Object v = top.value("StorageMiners");
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof TomlArray arr) || (!arr.isEmpty() && !(arr.get(0) instanceof TomlTable))) {
      throw top.invalid("StorageMiners", v, "expected [[StorageMiners]] sections with Addr and Account");
    }
    List<StorageMinerConfig> out = new ArrayList<>();
    for (int i = 0; i < arr.size(); i++) {
      TomlSection m = top.element("StorageMiners", i, arr.getTable(i));
      String addr = address(m, "Addr", false);
      EnumSet<PolicyKey> overrides = EnumSet.noneOf(PolicyKey.class);
      DealPolicy p = PolicyReader.read(m, global, overrides);
      StorageMinerConfig mc = new StorageMinerConfig(addr, m.string("Account", ""), p, overrides);
      m.rejectUnknown(Set.of());
      for (StorageMinerConfig prev : out) {
        if (MarketConfig.sameAddress(prev.addr(), addr)) {
          throw m.invalid("Addr", addr, "each miner may appear only once in [[StorageMiners]]");
        }
      }
      out.add(mc);
    }
    return out;
  }

  static String address(TomlSection s, String key, boolean optional) {
    String a = s.string(key, "");
    if (a.isEmpty() && optional) {
      return a;
    }
    if (!Addresses.isValid(a)) {
      throw s.invalid(key, a, "expected a Filecoin address such as \"f01000\" or \"t01000\"");
    }
    return a;
  }

  private static String multiaddr(TomlSection s, String key, String dflt, boolean optional) {
    String a = s.string(key, dflt);
    if ((a.isEmpty() && optional)) {
      return a;
    }
    if (!Multiaddrs.isTcp(a)) {
      throw s.invalid(key, a, "expected a tcp multiaddr such as \"/ip4/127.0.0.1/tcp/41235\"");
    }
    return a;
  }
}
