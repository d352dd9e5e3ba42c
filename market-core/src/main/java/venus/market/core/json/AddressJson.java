package venus.market.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.util.function.Supplier;
import venus.market.core.MarketException;
import venus.market.core.address.Address;
import venus.market.core.address.Network;

/**
 * go-address's JSON form: the address string with the network prefix ({@code "f01234"}).
 * go-address's undefined address ({@code "<empty>"}, or {@code ""}) reads as null. Map keys use the
 * same string.
 */
final class AddressJson {
  private AddressJson() {}

  static final class Serializer extends JsonSerializer<Address> {
    private final Supplier<Network> network;

    Serializer(Supplier<Network> network) {
      this.network = network;
    }

    @Override
    public void serialize(Address a, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(a.toString(network.get()));
    }
  }

  static final class KeySerializer extends JsonSerializer<Address> {
    private final Supplier<Network> network;

    KeySerializer(Supplier<Network> network) {
      this.network = network;
    }

    @Override
    public void serialize(Address a, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeFieldName(a.toString(network.get()));
    }
  }

  static final class Deserializer extends JsonDeserializer<Address> {
    @Override
    public Address deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (Address)
            ctxt.handleUnexpectedToken(
                Address.class,
                p.currentToken(),
                p,
                "an address must be a JSON string like \"f01234\", got %s",
                p.currentToken());
      }
      String text = p.getText();
      try {
        return Address.parseOptional(text).orElse(null);
      } catch (MarketException e) {
        return (Address) ctxt.handleWeirdStringValue(Address.class, text, "%s", e.getMessage());
      }
    }
  }

  static final class KeyReader extends KeyDeserializer {
    @Override
    public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
      try {
        return Address.parse(key);
      } catch (MarketException e) {
        return ctxt.handleWeirdKey(Address.class, key, "%s", e.getMessage());
      }
    }
  }
}
