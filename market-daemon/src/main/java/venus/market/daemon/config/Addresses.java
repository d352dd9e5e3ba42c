package venus.market.daemon.config;

import java.util.regex.Pattern;

/** Syntax check of Filecoin address text in config and flags (network prefix, protocol, payload). */
final class Addresses {
  private static final Pattern ADDR = Pattern.compile("[ft](0[0-9]{1,20}|[1-3][a-z2-7]{20,120}|4[0-9]{1,20}f[a-z2-7]{1,120})");

  private Addresses() {}

  static boolean isValid(String a) {
    return ADDR.matcher(a).matches();
  }
}
