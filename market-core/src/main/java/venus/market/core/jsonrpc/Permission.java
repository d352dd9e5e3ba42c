package venus.market.core.jsonrpc;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * API permission levels, ordered: each level is meant to be granted together with all lower ones.
 */
public enum Permission {
  READ,
  WRITE,
  SIGN,
  ADMIN;

  /** The name used in tokens and in the {@code perm} tags of Lotus APIs ("read", "write", ...). */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** This permission and every lower one, as a Lotus {@code Allow} list grants them. */
  public Set<Permission> andLower() {
    return EnumSet.range(READ, this);
  }

  /** Parses a wire name; throws {@link IllegalArgumentException} naming the accepted values. */
  public static Permission parse(String name) {
    if (name != null) {
      for (Permission p : values()) {
        if (p.wireName().equals(name.trim().toLowerCase(Locale.ROOT))) {
          return p;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown permission '" + name + "' (expected read, write, sign or admin)");
  }
}
