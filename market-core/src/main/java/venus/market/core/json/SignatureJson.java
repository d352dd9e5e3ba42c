package venus.market.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import venus.market.core.MarketException;
import venus.market.core.crypto.Signature;

/** go-state-types crypto.Signature's JSON form {@code {"Type":1,"Data":"<base64>"}}. */
final class SignatureJson {
  private SignatureJson() {}

  static final class Serializer extends JsonSerializer<Signature> {
    @Override
    public void serialize(Signature s, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeTree(s.toJson());
    }
  }

  static final class Deserializer extends JsonDeserializer<Signature> {
    @Override
    public Signature deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode node = ctxt.readTree(p);
      try {
        return Signature.fromJson(node);
      } catch (MarketException e) {
        return (Signature) ctxt.reportInputMismatch(Signature.class, "%s", e.getMessage());
      }
    }
  }
}
