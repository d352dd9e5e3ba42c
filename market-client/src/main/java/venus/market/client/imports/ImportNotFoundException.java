package venus.market.client.imports;

/** No import with the given ID in the store. */
public class ImportNotFoundException extends ImportStoreException {

  public ImportNotFoundException(long id) {
    super("no import with ID " + id + " (see 'market-client data local')");
  }
}
