package venus.market.devnet.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import venus.market.core.address.Address;
import venus.market.core.crypto.KeyInfo;
import venus.market.core.crypto.SigType;
import venus.market.core.wallet.KeyPair;
import venus.market.core.chain.SignedMessage;
import venus.market.core.chain.UnsignedMessage;

/** Message JSON → CBOR/CID/signature against filecoin-project/serialization-vectors. */
class MessageJsonTest {
  static final ObjectMapper M = new ObjectMapper();

  static JsonNode vector(String path) throws Exception {
    try (InputStream in = MessageJsonTest.class.getResourceAsStream("/vectors/" + path)) {
      return M.readTree(in);
    }
  }

  @Test
  void unsignedMessagesEncodeToTheVectorCbor() throws Exception {
    JsonNode cases = vector("messages/unsigned_messages.json");
    assertThat(cases.size()).isEqualTo(21);
    for (JsonNode c : cases) {
      UnsignedMessage m = Json.parseMessage(c.get("message"));
      assertThat(HexFormat.of().formatHex(m.toCbor())).isEqualTo(c.get("hex_cbor").asText());
      JsonNode back = Json.message(m);
      assertThat(Json.parseMessage(back)).isEqualTo(m);
      assertThat(back.get("Nonce").asText()).isEqualTo(c.get("message").get("Nonce").asText());
      assertThat(back.get("Method").asText()).isEqualTo(c.get("message").get("Method").asText());
    }
  }

  @Test
  void messageCidAndBlsSignatureMatchTheVector() throws Exception {
    for (JsonNode c : vector("messages/message_signing.json")) {
      UnsignedMessage m = Json.parseMessage(c.get("Unsigned"));
      assertThat(m.cid().toString()).isEqualTo(c.get("Cid").asText());
      byte[] sk = java.util.Base64.getDecoder().decode(c.get("PrivateKey").asText());
      SigType type = SigType.fromCode(c.get("Signature").get("Type").asInt());
      KeyPair key = KeyPair.fromKeyInfo(KeyInfo.of(type, sk));
      assertThat(key.address()).isEqualTo(m.from());
      SignedMessage s = new SignedMessage(m, key.sign(m.cid().bytes()));
      if (type == SigType.BLS) {
        assertThat(Json.signature(s.signature())).isEqualTo(c.get("Signature"));
        assertThat(s.cid()).isEqualTo(m.cid());
      }
      SignedMessage decoded = SignedMessage.fromCbor(s.toCbor());
      assertThat(decoded.signature()).isEqualTo(s.signature());
      assertThat(decoded.message().to()).isEqualTo(Address.parse(c.get("Unsigned").get("To").asText()));
    }
  }
}
