package venus.market.daemon.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import venus.market.core.cbor.CborException;
import venus.market.daemon.config.ConfigException;
import venus.market.daemon.config.MarketConfig;
import venus.market.daemon.config.TomlConfigReader;
import venus.market.daemon.config.TomlConfigWriter;
import venus.market.daemon.net.CborFrames;

/**
 * The daemon's own readers of outside bytes. config.toml (operator-edited, so anything): only a ConfigException naming
 * the line and key, and an accepted config survives writing and re-reading. CborFrames (every go-fil-markets stream
 * message arrives through it): only CborException for bad or oversize items and IOException for a stream that ends
 * early. Replays DaemonDecodersFuzzTestInputs/; to fuzz longer see docs/reliability.md.
 */
class DaemonDecodersFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void configFailsOnlyWithConfigException(byte[] input) {
    MarketConfig c;
    try {
      c = TomlConfigReader.parse(new String(input, StandardCharsets.UTF_8), "config.toml");
    } catch (ConfigException expected) {
      return;
    }
    assertThat(TomlConfigReader.parse(TomlConfigWriter.write(c), "rewritten")).isEqualTo(c);
  }

  @FuzzTest(maxDuration = "10s")
  void cborFramesFailOnlyWithCborOrIoException(byte[] input) {
    int max = 1 + (input.length == 0 ? 0 : (input[0] & 0xff) * 16);
    ByteArrayInputStream in = new ByteArrayInputStream(input, Math.min(1, input.length), input.length);
    try {
      while (in.available() > 0) {
        byte[] item = CborFrames.readItem(in, max);
        assertThat(item.length).isBetween(1, max);
      }
    } catch (CborException | IOException expected) {
      // refused, or the stream ended inside an item
    }
  }
}
