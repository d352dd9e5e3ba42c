package venus.market.client.http;

import java.nio.file.Path;
import java.util.Optional;

/** What the CAR server may serve: the CAR of an online deal and its bearer token, looked up by deal UUID. */
public interface CarTransfers {

  /** @param size bytes of the CAR the provider was told to expect */
  record Offer(Path car, String token, long size) {}

  Optional<Offer> find(String dealUuid);

  /** Called as bytes go out, so the deal list can show transfer progress. */
  default void served(String dealUuid, long bytes) {
  }
}
