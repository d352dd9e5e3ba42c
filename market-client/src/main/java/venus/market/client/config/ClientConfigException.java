package venus.market.client.config;

import venus.market.core.MarketException;

/** config.toml or a flag holds a value the client cannot use; the message names the key and what is expected. */
public class ClientConfigException extends MarketException {

  public ClientConfigException(String message) {
    super(message);
  }

  static ClientConfigException invalid(String key, Object value, String expected) {
    return new ClientConfigException("config key " + key + " = \"" + value + "\" is not valid: " + expected);
  }
}
