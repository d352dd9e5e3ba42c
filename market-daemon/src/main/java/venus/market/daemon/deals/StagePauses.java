package venus.market.daemon.deals;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import venus.market.core.storagemarket.StorageDealStatus;

/**
 * Test-only hook: the pipeline waits this long before running the stage of the named states, so a crash test with
 * real processes can kill the daemon while a deal sits in a state it normally leaves within milliseconds
 * (VerifyData, Staged). Set by the system property {@value #PROPERTY}, e.g.
 * {@code StorageDealVerifyData=60000,StorageDealStaged=60000} (milliseconds); unset, nothing waits.
 */
record StagePauses(Map<StorageDealStatus, Duration> pauses) {
  static final String PROPERTY = "venus.market.test.pauseBeforeStage";
  static final StagePauses NONE = new StagePauses(Map.of());

  StagePauses {
    pauses = Map.copyOf(pauses);
  }

  static StagePauses fromSystemProperties() {
    return parse(System.getProperty(PROPERTY, ""));
  }

  static StagePauses parse(String spec) {
    Map<StorageDealStatus, Duration> m = new EnumMap<>(StorageDealStatus.class);
    for (String part : spec.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      String[] kv = part.split("=");
      StorageDealStatus state = kv.length != 2 ? null : java.util.Arrays.stream(StorageDealStatus.values())
          .filter(s -> s.goName().equals(kv[0].trim())).findFirst().orElse(null);
      if (state == null) {
        throw new IllegalArgumentException(PROPERTY + ": expected <StorageDealState>=<millis>[,...], got " + part);
      }
      m.put(state, Duration.ofMillis(Long.parseLong(kv[1].trim())));
    }
    return new StagePauses(m);
  }

  /** Sleeps before the stage of {@code state} when a pause is set for it. */
  void before(StorageDealStatus state) throws InterruptedException {
    Duration d = pauses.get(state);
    if (d != null) {
      Thread.sleep(d.toMillis());
    }
  }
}
