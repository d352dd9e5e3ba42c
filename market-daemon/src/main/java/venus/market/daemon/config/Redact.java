package venus.market.daemon.config;

/** Keeps secrets (tokens, keys) out of logs and toString(): only says whether one is set. */
final class Redact {
  private Redact() {}

  static String secret(String value) {
    return value == null || value.isEmpty() ? "\"\"" : "<redacted>";
  }
}
