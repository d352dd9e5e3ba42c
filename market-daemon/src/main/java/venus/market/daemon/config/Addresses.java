package venus.market.daemon.config;

import venus.market.core.MarketException;
import venus.market.core.address.Address;

/** Checks Filecoin address text in config and flags with go-address's rules (prefix, protocol, checksum). */
final class Addresses {
  private Addresses() {}

  static boolean isValid(String a) {
    try {
      Address.parse(a);
      return true;
    } catch (MarketException | IllegalArgumentException e) {
      return false;
    }
  }
}
