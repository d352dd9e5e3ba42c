package venus.market.daemon.config;

import java.util.function.UnaryOperator;

/**
 * The solo-run flags as config edits. Each flag maps to exactly one config key (or section), so that
 * anything a flag can do, config.toml can do too.
 */
public final class ConfigOverrides {
  private ConfigOverrides() {}

  public static UnaryOperator<MarketConfig> nodeUrl(String url) {
    checkEndpoint("--node-url", url);
    return c -> c.withNode(new EndpointConfig(url, c.node().token()));
  }

  public static UnaryOperator<MarketConfig> nodeToken(String token) {
    return c -> c.withNode(new EndpointConfig(c.node().url(), token));
  }

  /** {@code --wallet-url}: signing moves to venus-wallet (Signer.Type "wallet"). */
  public static UnaryOperator<MarketConfig> walletUrl(String url) {
    checkEndpoint("--wallet-url", url);
    return c -> c.withSigner(new SignerConfig(SignerConfig.WALLET, url, c.signer().token()));
  }

  public static UnaryOperator<MarketConfig> walletToken(String token) {
    return c -> c.withSigner(new SignerConfig(c.signer().type(), c.signer().url(), token));
  }

  public static UnaryOperator<MarketConfig> signerType(String type) {
    if (!type.equals(SignerConfig.WALLET) && !type.equals(SignerConfig.LOTUS_NODE)) {
      throw ConfigException.invalid("flag", "--signer-type", type, "expected wallet or lotusnode");
    }
    return c -> c.withSigner(new SignerConfig(type, c.signer().url(), c.signer().token()));
  }

  public static UnaryOperator<MarketConfig> messagerUrl(String url) {
    checkEndpoint("--messager-url", url);
    return c -> c.withMessager(new EndpointConfig(url, c.messager().token()));
  }

  public static UnaryOperator<MarketConfig> messagerToken(String token) {
    return c -> c.withMessager(new EndpointConfig(c.messager().url(), token));
  }

  public static UnaryOperator<MarketConfig> pieceStorage(String flag) {
    PieceStorageConfig ps = PieceStorageFlag.parse(flag);
    // The flag replaces the stores, as in droplet; the import directories are not part of it and stay.
    return c -> c.withPieceStorage(ps.withAllowedImportDirs(c.pieceStorage().allowedImportDirs()));
  }

  /** {@code --miner=t01000[:account]}: adds the miner or updates its account. */
  public static UnaryOperator<MarketConfig> miner(String spec) {
    int colon = spec.indexOf(':');
    String addr = colon < 0 ? spec : spec.substring(0, colon);
    String account = colon < 0 ? "" : spec.substring(colon + 1);
    if (!Addresses.isValid(addr)) {
      throw ConfigException.invalid("flag", "--miner", spec, "expected <miner address>[:<account>], e.g. t01000:accountName");
    }
    return c -> c.withMiner(addr, account);
  }

  /** {@code --payment-addr=f1...[:account]}. */
  public static UnaryOperator<MarketConfig> paymentAddr(String spec) {
    int colon = spec.indexOf(':');
    String addr = colon < 0 ? spec : spec.substring(0, colon);
    if (!Addresses.isValid(addr)) {
      throw ConfigException.invalid("flag", "--payment-addr", spec, "expected <address>[:<account>]");
    }
    String account = colon < 0 ? "" : spec.substring(colon + 1);
    return c -> c.withRetrievalPaymentAddress(new MarketConfig.PaymentAddressConfig(addr, account));
  }

  /** {@code --listen}: the API listen multiaddr. */
  public static UnaryOperator<MarketConfig> apiListen(String multiaddr) {
    if (!Multiaddrs.isTcp(multiaddr)) {
      throw ConfigException.invalid("flag", "--listen", multiaddr, "expected a tcp multiaddr such as /ip4/127.0.0.1/tcp/41235");
    }
    return c -> c.withApi(new ApiConfig(multiaddr, c.api().remoteListenAddress(), c.api().secret(), c.api().timeout()));
  }

  private static void checkEndpoint(String flag, String url) {
    if (!Multiaddrs.isEndpoint(url)) {
      throw ConfigException.invalid("flag", flag, url, "expected a multiaddr such as /ip4/127.0.0.1/tcp/3453 or an http(s)/ws(s) URL");
    }
  }
}
