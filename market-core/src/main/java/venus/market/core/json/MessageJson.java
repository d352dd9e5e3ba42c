package venus.market.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.math.BigInteger;
import venus.market.core.MarketException;
import venus.market.core.address.Address;
import venus.market.core.amount.TokenAmount;
import venus.market.core.chain.SignedMessage;
import venus.market.core.chain.UnsignedMessage;
import venus.market.core.crypto.Signature;

/**
 * lotus types.Message and types.SignedMessage JSON: the Go fields in declaration order plus a
 * computed {@code "CID"} (which readers ignore, as lotus does). Nonce and Method are Go uint64s, so
 * they are written unsigned; empty Params are written as null, as lotus prints a message decoded
 * from CBOR.
 */
final class MessageJson {
  private static final BigInteger UINT64_MAX =
      BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private MessageJson() {}

  static final class UnsignedSerializer extends JsonSerializer<UnsignedMessage> {
    @Override
    public void serialize(UnsignedMessage m, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeStartObject();
      writeFields(m, gen, provider);
      provider.defaultSerializeField("CID", m.cid(), gen);
      gen.writeEndObject();
    }
  }

  static void writeFields(UnsignedMessage m, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    gen.writeNumberField("Version", UnsignedMessage.VERSION);
    provider.defaultSerializeField("To", m.to(), gen);
    provider.defaultSerializeField("From", m.from(), gen);
    gen.writeFieldName("Nonce");
    writeUint64(gen, m.nonce());
    provider.defaultSerializeField("Value", m.value(), gen);
    gen.writeNumberField("GasLimit", m.gasLimit());
    provider.defaultSerializeField("GasFeeCap", m.gasFeeCap(), gen);
    provider.defaultSerializeField("GasPremium", m.gasPremium(), gen);
    gen.writeFieldName("Method");
    writeUint64(gen, m.method());
    byte[] params = m.params();
    if (params.length == 0) {
      gen.writeNullField("Params");
    } else {
      gen.writeBinaryField("Params", params);
    }
  }

  private static void writeUint64(JsonGenerator gen, long v) throws IOException {
    if (v >= 0) {
      gen.writeNumber(v);
    } else {
      gen.writeNumber(new BigInteger(Long.toUnsignedString(v)));
    }
  }

  static final class UnsignedDeserializer extends JsonDeserializer<UnsignedMessage> {
    @Override
    public UnsignedMessage deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      JsonNode n = ctxt.readTree(p);
      return read(n, ctxt);
    }
  }

  static UnsignedMessage read(JsonNode n, DeserializationContext ctxt) throws IOException {
    if (!n.isObject()) {
      return (UnsignedMessage)
          ctxt.reportInputMismatch(
              UnsignedMessage.class, "a message must be a JSON object, got %s", n.getNodeType());
    }
    try {
      return UnsignedMessage.builder()
          .to(required(n, "To", Address.class, ctxt))
          .from(required(n, "From", Address.class, ctxt))
          .nonce(uint64(n, "Nonce", ctxt))
          .value(amount(n, "Value", ctxt))
          .gasLimit(int64(n, "GasLimit", ctxt))
          .gasFeeCap(amount(n, "GasFeeCap", ctxt))
          .gasPremium(amount(n, "GasPremium", ctxt))
          .method(uint64(n, "Method", ctxt))
          .params(optional(n, "Params", byte[].class, ctxt))
          .build();
    } catch (MarketException e) {
      return (UnsignedMessage)
          ctxt.reportInputMismatch(UnsignedMessage.class, "invalid message: %s", e.getMessage());
    }
  }

  private static <T> T optional(
      JsonNode n, String field, Class<T> type, DeserializationContext ctxt) throws IOException {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : ctxt.readTreeAsValue(v, type);
  }

  private static <T> T required(
      JsonNode n, String field, Class<T> type, DeserializationContext ctxt) throws IOException {
    T v = optional(n, field, type, ctxt);
    if (v == null) {
      ctxt.reportInputMismatch(type, "message field \"%s\" is missing or null", field);
    }
    return v;
  }

  private static TokenAmount amount(JsonNode n, String field, DeserializationContext ctxt)
      throws IOException {
    TokenAmount v = optional(n, field, TokenAmount.class, ctxt);
    return v == null ? TokenAmount.ZERO : v;
  }

  private static long int64(JsonNode n, String field, DeserializationContext ctxt)
      throws IOException {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return 0;
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      ctxt.reportInputMismatch(
          long.class, "message field \"%s\" must be an int64, got %s", field, v);
    }
    return v.longValue();
  }

  private static long uint64(JsonNode n, String field, DeserializationContext ctxt)
      throws IOException {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return 0;
    }
    if (!v.isIntegralNumber()
        || v.bigIntegerValue().signum() < 0
        || v.bigIntegerValue().compareTo(UINT64_MAX) > 0) {
      ctxt.reportInputMismatch(
          long.class, "message field \"%s\" must be a uint64, got %s", field, v);
    }
    return v.bigIntegerValue().longValue(); // two's complement keeps the unsigned value
  }

  static final class SignedSerializer extends JsonSerializer<SignedMessage> {
    @Override
    public void serialize(SignedMessage m, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeStartObject();
      provider.defaultSerializeField("Message", m.message(), gen);
      provider.defaultSerializeField("Signature", m.signature(), gen);
      provider.defaultSerializeField("CID", m.cid(), gen);
      gen.writeEndObject();
    }
  }

  static final class SignedDeserializer extends JsonDeserializer<SignedMessage> {
    @Override
    public SignedMessage deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode n = ctxt.readTree(p);
      if (!n.isObject()) {
        return (SignedMessage)
            ctxt.reportInputMismatch(
                SignedMessage.class,
                "a signed message must be a JSON object, got %s",
                n.getNodeType());
      }
      UnsignedMessage message = required(n, "Message", UnsignedMessage.class, ctxt);
      Signature signature = required(n, "Signature", Signature.class, ctxt);
      return new SignedMessage(message, signature);
    }
  }
}
