package venus.market.daemon.deals;

import java.time.Instant;
import java.util.Objects;
import venus.market.core.storagemarket.StorageDealStatus;

/** One entry of a deal's append-only history: at {@code time}, {@code event} moved it from {@code from} to {@code to}. */
public record DealTransition(Instant time, StorageDealStatus from, StorageDealStatus to, ProviderEvent event,
    String note) {
  public DealTransition {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(note, "note");
  }

  @Override
  public String toString() {
    return time + " " + from.goName() + " -> " + to.goName() + " (" + event.goName() + ")"
        + (note.isEmpty() ? "" : ": " + note);
  }
}
