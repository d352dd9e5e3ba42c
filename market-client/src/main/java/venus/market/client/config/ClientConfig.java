package venus.market.client.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * {@code <repo>/config.toml} of the client daemon. Keys follow market-client 2022 ({@code [API]}, {@code [Libp2p]},
 * {@code [Node]}, {@code DefaultMarketAddress}); {@code [DataTransfer]} and {@code [Deals]} are ours: where providers
 * download online-deal CARs from, and how often deal status is refreshed.
 *
 * @param defaultMarketAddress the client wallet address deals and funds use unless a command names another
 */
public record ClientConfig(
    String defaultMarketAddress,
    Api api,
    Libp2p libp2p,
    Node node,
    DataTransfer dataTransfer,
    Deals deals,
    Signer signer) {

  public ClientConfig {
    Objects.requireNonNull(defaultMarketAddress, "defaultMarketAddress");
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(libp2p, "libp2p");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(dataTransfer, "dataTransfer");
    Objects.requireNonNull(deals, "deals");
    Objects.requireNonNull(signer, "signer");
  }

  /** @param secret hex JWT secret; empty = the repo's keystore file (created once) */
  public record Api(String listenAddress, Duration timeout, String secret) {}

  /** @param privateKey hex protobuf private key; empty = the repo's key file (created once) */
  public record Libp2p(List<String> listenAddresses, String privateKey) {
    public Libp2p {
      listenAddresses = List.copyOf(listenAddresses);
    }
  }

  public record Node(String url, String token) {}

  /**
   * @param httpListenAddress where the CAR server listens
   * @param httpPublicUrl the base URL providers are told to download from; empty = derived from the listen address
   */
  public record DataTransfer(String httpListenAddress, String httpPublicUrl) {}

  /**
   * @param statusInterval how often open deals are refreshed from the provider and the chain
   * @param startEpochDelay epochs between the current head and a deal's default start epoch
   */
  public record Deals(Duration statusInterval, long startEpochDelay) {}

  /**
   * Who signs for the client address.
   *
   * @param type {@code node} (the full node's wallet, default), {@code wallet} (a wallet API at url/token:
   *     venus-wallet, lotus-wallet) or {@code local} (keys in {@code <repo>/keystore/wallet}, see 'wallet import')
   */
  public record Signer(String type, String url, String token) {
    public static final String NODE = "node";
    public static final String WALLET = "wallet";
    public static final String LOCAL = "local";

    public Signer {
      if (!type.equals(NODE) && !type.equals(WALLET) && !type.equals(LOCAL)) {
        throw new ClientConfigException("[Signer] Type must be \"node\", \"wallet\" or \"local\", got \"" + type
            + "\"");
      }
      if (type.equals(WALLET) && url.isBlank()) {
        throw new ClientConfigException("[Signer] Type = \"wallet\" needs Url (--wallet-url) and Token");
      }
    }
  }

  public ClientConfig withSigner(Signer s) {
    return new ClientConfig(defaultMarketAddress, api, libp2p, node, dataTransfer, deals, s);
  }

  public static ClientConfig defaults() {
    return new ClientConfig("",
        new Api("/ip4/127.0.0.1/tcp/41231", Duration.ofSeconds(30), ""),
        new Libp2p(List.of("/ip4/0.0.0.0/tcp/34123"), ""),
        new Node("", ""),
        new DataTransfer("/ip4/0.0.0.0/tcp/34124", ""),
        new Deals(Duration.ofSeconds(20), 8 * 2880),
        new Signer(Signer.NODE, "", ""));
  }

  public ClientConfig withNode(Node n) {
    return new ClientConfig(defaultMarketAddress, api, libp2p, n, dataTransfer, deals, signer);
  }

  public ClientConfig withDefaultMarketAddress(String a) {
    return new ClientConfig(a, api, libp2p, node, dataTransfer, deals, signer);
  }

  public ClientConfig withApi(Api a) {
    return new ClientConfig(defaultMarketAddress, a, libp2p, node, dataTransfer, deals, signer);
  }

  public ClientConfig withLibp2p(Libp2p l) {
    return new ClientConfig(defaultMarketAddress, api, l, node, dataTransfer, deals, signer);
  }

  public ClientConfig withDataTransfer(DataTransfer d) {
    return new ClientConfig(defaultMarketAddress, api, libp2p, node, d, deals, signer);
  }

  public ClientConfig withDeals(Deals d) {
    return new ClientConfig(defaultMarketAddress, api, libp2p, node, dataTransfer, d, signer);
  }
}
