package venus.market.daemon.config;

import java.util.Set;

/** Reads the {@link PolicyKey} keys of one section (top level or a miner) over a base policy. */
final class PolicyReader {
  private PolicyReader() {}

  /** Every key present in the section replaces the base value and is added to {@code present}. */
  static DealPolicy read(TomlSection s, DealPolicy base, Set<PolicyKey> present) {
    DealPolicy p = base;
    for (PolicyKey k : PolicyKey.values()) {
      if (!s.has(k.name())) {
        continue;
      }
      present.add(k);
      Object dflt = base.get(k);
      Object v = switch (k.kind()) {
        case BOOL -> s.bool(k.name(), (Boolean) dflt);
        case CID_LIST -> cids(s, k.name());
        case DURATION -> s.duration(k.name(), null);
        case POSITIVE_INT -> s.positiveInt(k.name(), (Integer) dflt);
        case STRING -> s.string(k.name(), (String) dflt);
        case FIL -> s.fil(k.name(), null);
      };
      p = p.with(k, v);
    }
    return p;
  }

  private static java.util.List<String> cids(TomlSection s, String key) {
    java.util.List<String> list = s.stringList(key, java.util.List.of());
    for (String c : list) {
      if (!c.matches("(b[a-z2-7]{20,}|Qm[1-9A-HJ-NP-Za-km-z]{44})")) {
        throw s.invalid(key, c, "expected piece CIDs such as \"baga6ea4seaq...\"");
      }
    }
    return list;
  }
}
