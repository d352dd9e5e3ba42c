package venus.market.daemon.sealer;

import venus.market.core.jsonrpc.RpcInvalidParamsException;

/**
 * venus-shared's market.PieceStatus, the sealer-owned status of a handed-off deal: Undefine (free to assign) →
 * Assigned (given to a sector) → Packing → Proving. {@link #INVALID} is an extension: a sealer found the stored piece
 * does not match the deal, so the deal is not handed out again until an operator releases it (ReleaseDeals).
 */
public final class PieceStatus {
  public static final String UNDEFINE = "Undefine";
  public static final String ASSIGNED = "Assigned";
  public static final String PACKING = "Packing";
  public static final String PROVING = "Proving";
  public static final String INVALID = "Invalid";

  private PieceStatus() {}

  /** The stored value as the API names it: records written before this API said "Undefined" or "". */
  public static String of(String stored) {
    return stored == null || stored.isEmpty() || stored.equals("Undefined") ? UNDEFINE : stored;
  }

  public static boolean isFree(String stored) {
    return of(stored).equals(UNDEFINE);
  }

  /** A status a sealer may set through UpdateDealStatus. */
  public static String parse(String text) {
    String s = text == null ? "" : text;
    return switch (s) {
      case UNDEFINE, ASSIGNED, PACKING, PROVING -> s;
      case "Undefined", "" -> UNDEFINE;
      default -> throw new RpcInvalidParamsException("piece status \"" + s + "\" is not one of Undefine, Assigned,"
          + " Packing, Proving");
    };
  }
}
