package venus.market.daemon.config;

import venus.market.core.MarketException;

/**
 * A config.toml or flag value the daemon cannot start with. The message names the key, the value and
 * what is allowed, so the operator can fix it without reading code.
 */
public final class ConfigException extends MarketException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }

  /** "{@code <where>: <key> = <value>: <allowed>}". */
  public static ConfigException invalid(String where, String key, Object value, String allowed) {
    return new ConfigException(where + ": " + key + " = " + render(value) + " is not allowed: " + allowed);
  }

  private static String render(Object value) {
    if (value instanceof String s) {
      return "\"" + s + "\"";
    }
    return String.valueOf(value);
  }
}
