package venus.market.daemon.offline;

import venus.market.core.MarketException;

/** An import-data call refused or failed; the deal is left as it was (waiting for data) and nothing is stored. */
public final class ImportDataException extends MarketException {
  public ImportDataException(String message) {
    super(message);
  }

  public ImportDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
