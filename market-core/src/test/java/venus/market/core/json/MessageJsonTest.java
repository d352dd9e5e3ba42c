package venus.market.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import venus.market.core.address.Network;
import venus.market.core.chain.SignedMessage;
import venus.market.core.chain.UnsignedMessage;
import venus.market.core.multiformats.Cid;

/**
 * Message JSON against filecoin-project/serialization-vectors (JSON → CBOR, message CIDs) and the
 * Zondax signed-message CID vector (vectors/messages).
 */
class MessageJsonTest {
  private static final ObjectMapper MAPPER = LotusJson.mapper(Network.TESTNET);
  private static final ObjectMapper PLAIN = new ObjectMapper();

  private static JsonNode vector(String name) throws Exception {
    try (InputStream in = MessageJsonTest.class.getResourceAsStream("/vectors/messages/" + name)) {
      return PLAIN.readTree(in);
    }
  }

  private static JsonNode encode(Object value) throws Exception {
    return PLAIN.readTree(MAPPER.writeValueAsString(value));
  }

  @Test
  void serializationVectorsDecodeToTheExactCborAndEncodeBack() throws Exception {
    JsonNode cases = vector("unsigned_messages.json");
    assertThat(cases.size()).isGreaterThan(10);
    for (JsonNode c : cases) {
      JsonNode json = c.get("message");
      UnsignedMessage m = MAPPER.treeToValue(json, UnsignedMessage.class);
      assertThat(HexFormat.of().formatHex(m.toCbor())).isEqualTo(c.get("hex_cbor").asText());
      ObjectNode expected = json.deepCopy();
      if (expected.path("Params").asText().isEmpty()) {
        expected.putNull("Params");
      }
      expected.set("CID", PLAIN.createObjectNode().put("/", m.cid().toString()));
      assertThat(encode(m)).isEqualTo(expected);
    }
  }

  @Test
  void messageCidsMatchTheSigningVectors() throws Exception {
    for (JsonNode c : vector("message_signing.json")) {
      UnsignedMessage m = MAPPER.treeToValue(c.get("Unsigned"), UnsignedMessage.class);
      assertThat(m.cid()).isEqualTo(Cid.parse(c.get("Cid").asText()));
      JsonNode out = encode(m);
      assertThat(out.get("CID").get("/").asText()).isEqualTo(c.get("Cid").asText());
      assertThat(out.get("Params").isNull()).isTrue();
    }
  }

  @Test
  void signedMessageJsonCarriesTheSignedCid() throws Exception {
    JsonNode v = vector("zondax-get_cid.json");
    SignedMessage sm = MAPPER.treeToValue(v.get("signed_message"), SignedMessage.class);
    assertThat(sm.cid()).isEqualTo(Cid.parse(v.get("cid").asText()));
    JsonNode out = encode(sm);
    assertThat(out.get("CID").get("/").asText()).isEqualTo(v.get("cid").asText());
    assertThat(out.get("Signature")).isEqualTo(v.get("signed_message").get("Signature"));
    assertThat(MAPPER.treeToValue(out, SignedMessage.class)).isEqualTo(sm);
  }

  @Test
  void badMessagesAreRejected() throws Exception {
    ObjectNode good = (ObjectNode) vector("message_signing.json").get(0).get("Unsigned").deepCopy();
    for (String[] bad :
        new String[][] {
          {"Nonce", "-1"},
          {"Nonce", "18446744073709551616"},
          {"Method", "1.5"},
          {"GasLimit", "9223372036854775808"},
          {"Value", "5"},
          {"To", "null"},
          {"From", "\"x1\""},
        }) {
      ObjectNode m = good.deepCopy();
      m.set(bad[0], PLAIN.readTree(bad[1]));
      assertThatThrownBy(() -> MAPPER.treeToValue(m, UnsignedMessage.class))
          .as("%s = %s", bad[0], bad[1])
          .isInstanceOf(MismatchedInputException.class)
          .hasMessageContaining(bad[0].equals("From") ? "x1" : "");
    }
    ObjectNode max = good.deepCopy();
    max.put("Nonce", new java.math.BigInteger("18446744073709551615"));
    UnsignedMessage m = MAPPER.treeToValue(max, UnsignedMessage.class);
    assertThat(m.nonce()).isEqualTo(-1L);
    assertThat(encode(m).get("Nonce").asText()).isEqualTo("18446744073709551615");
  }
}
