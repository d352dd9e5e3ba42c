package venus.market.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import venus.market.core.MarketException;
import venus.market.core.multiformats.Cid;

/** go-cid's JSON form: {@code {"/":"<cid string>"}}; an undefined CID is null. */
final class CidJson {
  static final String LINK_KEY = "/";

  private CidJson() {}

  static final class Serializer extends JsonSerializer<Cid> {
    @Override
    public void serialize(Cid cid, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeStartObject();
      gen.writeStringField(LINK_KEY, cid.toString());
      gen.writeEndObject();
    }
  }

  static final class Deserializer extends JsonDeserializer<Cid> {
    @Override
    public Cid deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.isExpectedStartObjectToken()) {
        return (Cid)
            ctxt.handleUnexpectedToken(
                Cid.class,
                p.currentToken(),
                p,
                "a CID must be a JSON object {\"/\":\"<cid>\"}, got %s",
                p.currentToken());
      }
      String text = null;
      for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (LINK_KEY.equals(name)) {
          if (value != JsonToken.VALUE_STRING) {
            return (Cid)
                ctxt.handleUnexpectedToken(
                    Cid.class, value, p, "the \"/\" of a CID must be a string, got %s", value);
          }
          text = p.getText();
        } else {
          p.skipChildren(); // go-cid ignores other keys
        }
      }
      if (text == null || text.isEmpty()) {
        return (Cid)
            ctxt.handleWeirdStringValue(
                Cid.class, String.valueOf(text), "cid was incorrectly formatted (no \"/\" string)");
      }
      try {
        return Cid.parse(text);
      } catch (MarketException e) {
        return (Cid) ctxt.handleWeirdStringValue(Cid.class, text, "%s", e.getMessage());
      }
    }
  }
}
