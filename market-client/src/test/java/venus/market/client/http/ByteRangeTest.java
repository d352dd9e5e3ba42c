package venus.market.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

  @Test
  void singleRangesResolveAgainstTheSize() {
    assertThat(ByteRange.parse("bytes=0-99", 1000)).contains(new ByteRange(0, 99));
    assertThat(ByteRange.parse("bytes=500-", 1000)).contains(new ByteRange(500, 999));
    assertThat(ByteRange.parse("bytes=-100", 1000)).contains(new ByteRange(900, 999));
    assertThat(ByteRange.parse("bytes=900-5000", 1000)).contains(new ByteRange(900, 999));
    assertThat(ByteRange.parse("bytes=-5000", 1000)).contains(new ByteRange(0, 999));
    assertThat(new ByteRange(10, 19).length()).isEqualTo(10);
  }

  @Test
  void absentMultiOrOtherUnitRangesServeTheWholeFile() {
    assertThat(ByteRange.parse(null, 1000)).isEmpty();
    assertThat(ByteRange.parse("bytes=0-1,5-6", 1000)).isEmpty();
    assertThat(ByteRange.parse("items=0-1", 1000)).isEmpty();
    assertThat(ByteRange.parse("bytes=x-y", 1000)).isEmpty();
  }

  @Test
  void rangesOutsideTheFileAreUnsatisfiable() {
    assertThatThrownBy(() -> ByteRange.parse("bytes=1000-", 1000))
        .isInstanceOf(ByteRange.UnsatisfiableRangeException.class);
    assertThatThrownBy(() -> ByteRange.parse("bytes=5-4", 1000))
        .isInstanceOf(ByteRange.UnsatisfiableRangeException.class);
    assertThatThrownBy(() -> ByteRange.parse("bytes=-0", 1000))
        .isInstanceOf(ByteRange.UnsatisfiableRangeException.class);
  }
}
