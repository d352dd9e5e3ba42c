package venus.market.daemon.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.core.multiformats.Cid;
import venus.market.core.multiformats.Multicodec;
import venus.market.core.multiformats.Multihash;

class StagingAreaTest {
  @TempDir Path tmp;

  static Cid cid(int n) {
    byte[] digest = new byte[32];
    digest[0] = (byte) n;
    return Cid.v1(Multicodec.DAG_CBOR, Multihash.of(Multicodec.SHA2_256, digest));
  }

  static final Cid A = cid(1);
  static final Cid B = cid(2);

  @Test
  void reservationsStayWithinTheLimitAndWaitingDealsAreHandedBack() {
    StagingArea s = new StagingArea(tmp.resolve("deal-staging"), 100);
    assertThat(s.reserve(A, 60)).isTrue();
    assertThat(s.reserve(A, 60)).isTrue(); // idempotent: a stage that runs again keeps its reservation
    assertThat(s.reservedBytes()).isEqualTo(60);
    assertThat(s.reserve(B, 50)).isFalse();
    assertThat(s.waiting()).containsExactly(B);
    assertThat(s.release(A)).containsExactly(B);
    assertThat(s.reserve(B, 50)).isTrue();
    assertThat(s.waiting()).isEmpty();
    assertThat(s.reservedBytes()).isEqualTo(50);
  }

  @Test
  void aDealThatCanNeverFitIsAClearError() {
    StagingArea s = new StagingArea(tmp.resolve("deal-staging"), 100);
    assertThatThrownBy(() -> s.reserve(A, 101)).isInstanceOf(StagingSpaceException.class)
        .hasMessageContaining("needs 101 bytes of staging space but MaxStagingDealsBytes is 100")
        .hasMessageContaining("raise MaxStagingDealsBytes");
    assertThat(s.waiting()).isEmpty();
  }

  @Test
  void restoredReservationsCountEvenBeyondALoweredLimit() {
    StagingArea s = new StagingArea(tmp.resolve("deal-staging"), 100);
    s.restore(A, 90);
    s.restore(B, 90);
    assertThat(s.reservedBytes()).isEqualTo(180);
    assertThat(s.holds(A)).isTrue();
  }

  @Test
  void sweepKeepsOnlyLiveDealsFiles() throws Exception {
    StagingArea s = new StagingArea(tmp.resolve("deal-staging"), 0);
    Files.writeString(s.fileFor(A), "live");
    Files.writeString(s.fileFor(B), "dead");
    Files.writeString(s.dir().resolve("stray.tmp"), "stray");
    assertThat(s.sweep(A.toString()::equals)).isEqualTo(2);
    assertThat(s.fileFor(A)).exists();
    assertThat(s.fileFor(B)).doesNotExist();
  }

  @Test
  void withoutALimitTheFreeDiskSpaceBounds() {
    StagingArea s = new StagingArea(tmp.resolve("deal-staging"), 0);
    assertThat(s.reserve(A, 1024)).isTrue();
    assertThat(s.reserve(B, Long.MAX_VALUE / 2)).isFalse();
  }
}
