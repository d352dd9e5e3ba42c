package venus.market.devnet;

import venus.market.core.MarketException;

/** Something the dev chain itself cannot do (corrupt repo, unknown actor, bad option). */
public class DevnetException extends MarketException {

  public DevnetException(String message) {
    super(message);
  }

  public DevnetException(String message, Throwable cause) {
    super(message, cause);
  }
}
