package venus.market.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.util.List;
import venus.market.core.chain.TipSetKey;
import venus.market.core.multiformats.Cid;

/**
 * lotus TipSetKey JSON: an array of CIDs. The empty key is written {@code []}; {@code null} and
 * {@code []} both read as the empty key (the head), as lotus reads them.
 */
final class TipSetKeyJson {
  private TipSetKeyJson() {}

  static final class Serializer extends JsonSerializer<TipSetKey> {
    @Override
    public void serialize(TipSetKey key, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeStartArray(key, key.cids().size());
      for (Cid c : key.cids()) {
        provider.defaultSerializeValue(c, gen);
      }
      gen.writeEndArray();
    }
  }

  static final class Deserializer extends JsonDeserializer<TipSetKey> {
    private static final TypeReference<List<Cid>> CIDS = new TypeReference<>() {};

    @Override
    public TipSetKey deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.isExpectedStartArrayToken()) {
        return (TipSetKey)
            ctxt.handleUnexpectedToken(
                TipSetKey.class,
                p.currentToken(),
                p,
                "a tipset key must be a JSON array of CIDs [{\"/\":\"bafy...\"}], got %s",
                p.currentToken());
      }
      JavaType type = ctxt.getTypeFactory().constructType(CIDS);
      List<Cid> cids = ctxt.readValue(p, type);
      if (cids.contains(null)) {
        return (TipSetKey)
            ctxt.reportInputMismatch(TipSetKey.class, "a tipset key must not contain null CIDs");
      }
      return new TipSetKey(cids);
    }

    @Override
    public TipSetKey getNullValue(DeserializationContext ctxt) {
      return TipSetKey.EMPTY;
    }
  }
}
