package venus.market.client.imports;

import venus.market.core.MarketException;

/** The local import store cannot be read or written, or holds a record that is not valid. */
public class ImportStoreException extends MarketException {

  public ImportStoreException(String message) {
    super(message);
  }

  public ImportStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
