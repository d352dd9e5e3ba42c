package venus.market.daemon.deals;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * How the deal's data reaches the provider, as the client asked (boost mk/1.2 Transfer; mk/1.1 deals are always
 * {@link #MANUAL} here since graphsync push is refused).
 *
 * @param type "manual" (offline: the operator runs import-data), "http" or "libp2p" (the provider pulls)
 * @param params the transfer parameters as the client sent them: for http boost's HttpRequest JSON
 *     {"URL":..., "Headers":{...}}; empty for manual. May hold credentials: never log it.
 * @param size the CAR size in bytes the client declared, 0 when unknown
 */
public record DealTransfer(@JsonProperty("Type") String type, @JsonIgnore String params,
    @JsonProperty("Size") long size) {
  public static final String TYPE_MANUAL = "manual";
  public static final String TYPE_HTTP = "http";
  public static final String TYPE_LIBP2P = "libp2p";
  public static final DealTransfer MANUAL = new DealTransfer(TYPE_MANUAL, "", 0);

  public DealTransfer {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(params, "params");
    if (size < 0) {
      throw new IllegalArgumentException("transfer size " + size + " < 0");
    }
  }

  /** True when the operator imports the data (no transfer by the provider). */
  @JsonIgnore
  public boolean isOffline() {
    return TYPE_MANUAL.equals(type);
  }

  @Override
  public String toString() {
    return "DealTransfer[type=" + type + ", size=" + size + "]"; // params can carry auth headers
  }
}
