package venus.market.daemon.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import venus.market.core.cbor.CborException;

class CborFramesTest {
  private static byte[] hex(String h) {
    return HexFormat.of().parseHex(h);
  }

  @Test
  void readsExactlyOneItemAndLeavesTheRest() throws Exception {
    // {"Miner": h'0001'} followed by a second item that must stay unread.
    byte[] msg = hex("a1654d696e6572420001");
    ByteArrayInputStream in = new ByteArrayInputStream(hex("a1654d696e657242000101"));
    assertThat(CborFrames.readItem(in, 1024)).isEqualTo(msg);
    assertThat(in.read()).isEqualTo(1);
  }

  @Test
  void readsNestedArraysTagsAndLargeIntegers() throws Exception {
    byte[] msg = hex("83" + "1b0000010000000000" + "d82a4400010203" + "8201f6");
    assertThat(CborFrames.readItem(new ByteArrayInputStream(msg), 64)).isEqualTo(msg);
  }

  @Test
  void rejectsOversizedLengthsWithoutAllocating() {
    assertThatThrownBy(() -> CborFrames.readItem(new ByteArrayInputStream(hex("5bffffffffffffffff")), 1024))
        .isInstanceOf(CborException.class).hasMessageContaining("exceeds");
    assertThatThrownBy(() -> CborFrames.readItem(new ByteArrayInputStream(hex("9a7fffffff")), 1024))
        .isInstanceOf(CborException.class);
  }

  @Test
  void rejectsIndefiniteLengthsAndDeepNesting() {
    assertThatThrownBy(() -> CborFrames.readItem(new ByteArrayInputStream(hex("9f01ff")), 1024))
        .isInstanceOf(CborException.class).hasMessageContaining("indefinite");
    assertThatThrownBy(() -> CborFrames.readItem(new ByteArrayInputStream(hex("81".repeat(100) + "01")), 1024))
        .isInstanceOf(CborException.class).hasMessageContaining("deeper");
  }

  @Test
  void truncatedStreamIsEof() {
    assertThatThrownBy(() -> CborFrames.readItem(new ByteArrayInputStream(hex("a1654d696e")), 1024))
        .isInstanceOf(EOFException.class);
  }
}
