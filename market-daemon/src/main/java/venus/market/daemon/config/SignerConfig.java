package venus.market.daemon.config;

import java.util.Objects;

/**
 * {@code [Signer]}: who signs asks, deal responses and messages.
 *
 * @param type "wallet" (venus-wallet / lotus wallet API at url) or "lotusnode" (the node's WalletSign);
 *     "" means: "wallet" when a url is set, otherwise the node
 */
public record SignerConfig(String type, String url, String token) {
  public static final String WALLET = "wallet";
  public static final String LOTUS_NODE = "lotusnode";

  public SignerConfig {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(token, "token");
  }

  public static SignerConfig none() {
    return new SignerConfig("", "", "");
  }

  /** The signer kind after applying the "" default. */
  public String effectiveType() {
    if (!type.isEmpty()) {
      return type;
    }
    return url.isEmpty() ? LOTUS_NODE : WALLET;
  }

  @Override
  public String toString() {
    return "SignerConfig[type=" + type + ", url=" + url + ", token=" + Redact.secret(token) + "]";
  }
}
