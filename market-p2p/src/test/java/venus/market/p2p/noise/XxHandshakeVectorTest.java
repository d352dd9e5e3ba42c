package venus.market.p2p.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Known answers from flynn/noise (cacophony format) for Noise_XX_25519_ChaChaPoly_SHA256. */
class XxHandshakeVectorTest {

  private static final HexFormat HEX = HexFormat.of();

  @Test
  void allFourVectorBlocksReproduceByteForByte() throws IOException {
    List<Map<String, String>> blocks = loadBlocks();
    assertThat(blocks).hasSize(4);
    for (Map<String, String> v : blocks) {
      byte[] prologue = v.containsKey("prologue") ? HEX.parseHex(v.get("prologue")) : new byte[0];
      XxHandshake init = XxHandshake.create(true, HEX.parseHex(v.get("init_static")), prologue,
          HEX.parseHex(v.get("gen_init_ephemeral")));
      XxHandshake resp = XxHandshake.create(false, HEX.parseHex(v.get("resp_static")), prologue,
          HEX.parseHex(v.get("gen_resp_ephemeral")));
      for (int i = 0; v.containsKey("msg_" + i + "_payload"); i++) {
        byte[] payload = HEX.parseHex(v.get("msg_" + i + "_payload"));
        byte[] expected = HEX.parseHex(v.get("msg_" + i + "_ciphertext"));
        // handshake messages alternate I, R, I; flynn/noise then starts transport messages with the initiator again
        boolean fromInitiator = i < 3 ? i % 2 == 0 : (i - 3) % 2 == 0;
        XxHandshake sender = fromInitiator ? init : resp;
        XxHandshake receiver = fromInitiator ? resp : init;
        byte[] wire;
        byte[] got;
        if (i < 3) {
          wire = sender.writeMessage(payload);
          got = receiver.readMessage(wire);
        } else {
          wire = sender.sendCipher().encryptWithAd(null, payload);
          got = receiver.receiveCipher().decryptWithAd(null, wire);
        }
        assertThat(HEX.formatHex(wire)).as("message %d", i).isEqualTo(HEX.formatHex(expected));
        assertThat(got).isEqualTo(payload);
      }
      assertThat(init.handshakeHash()).isEqualTo(resp.handshakeHash());
      assertThat(init.remoteStaticPublicKey()).isEqualTo(resp.localStaticPublicKey());
    }
  }

  @Test
  void tamperedMessageFailsAuthentication() {
    XxHandshake init = XxHandshake.initiator(X25519Keys.generatePrivate());
    XxHandshake resp = XxHandshake.responder(X25519Keys.generatePrivate());
    resp.readMessage(init.writeMessage(new byte[0]));
    byte[] m2 = resp.writeMessage("hello".getBytes(StandardCharsets.UTF_8));
    m2[40] ^= 1;
    assertThatThrownBy(() -> init.readMessage(m2)).isInstanceOf(NoiseException.class).hasMessageContaining("authentication");
  }

  @Test
  void shortMessageAndLowOrderKeyAreRefused() {
    XxHandshake resp = XxHandshake.responder(X25519Keys.generatePrivate());
    assertThatThrownBy(() -> resp.readMessage(new byte[5])).isInstanceOf(NoiseException.class).hasMessageContaining("at least 32");
    XxHandshake init = XxHandshake.initiator(X25519Keys.generatePrivate());
    init.writeMessage(new byte[0]);
    byte[] m2 = new byte[32 + 48 + 16];
    assertThatThrownBy(() -> init.readMessage(m2)).isInstanceOf(NoiseException.class).hasMessageContaining("low-order");
  }

  private static List<Map<String, String>> loadBlocks() throws IOException {
    String text;
    try (InputStream in = XxHandshakeVectorTest.class.getResourceAsStream("/vectors/noise/noise-xx-25519-chachapoly-sha256.txt")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<Map<String, String>> blocks = new ArrayList<>();
    Map<String, String> cur = null;
    for (String line : text.split("\n")) {
      line = line.strip();
      if (line.isEmpty()) {
        continue;
      }
      int eq = line.indexOf('=');
      String k = line.substring(0, eq);
      String val = line.substring(eq + 1);
      if (k.equals("handshake")) {
        cur = new HashMap<>();
        blocks.add(cur);
      }
      cur.put(k, val);
    }
    return blocks;
  }
}
