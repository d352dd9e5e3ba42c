package venus.market.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.math.BigInteger;
import java.util.regex.Pattern;
import venus.market.core.amount.TokenAmount;

/**
 * go-state-types big.Int's JSON form: a JSON string holding a base-10 integer ({@code
 * "116013147118"}); a JSON number is refused, as Go refuses it. TokenAmount (abi.TokenAmount =
 * big.Int) uses the same form.
 */
final class BigIntJson {
  /**
   * Filecoin big ints are at most 128 bytes on chain (about 310 digits); the cap keeps a hostile
   * string from costing quadratic parse time.
   */
  static final int MAX_DIGITS = 1024;

  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

  private BigIntJson() {}

  static BigInteger parse(JsonParser p, DeserializationContext ctxt, Class<?> target)
      throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      ctxt.handleUnexpectedToken(
          target,
          p.currentToken(),
          p,
          "a big integer must be a JSON string of decimal digits like \"123\", got %s",
          p.currentToken());
      return null;
    }
    String text = p.getText();
    if (text.length() > MAX_DIGITS) {
      ctxt.handleWeirdStringValue(
          target, text.substring(0, 20) + "...", "more than %d characters", MAX_DIGITS);
      return null;
    }
    if (!INTEGER.matcher(text).matches()) {
      ctxt.handleWeirdStringValue(target, text, "not a base-10 integer");
      return null;
    }
    return new BigInteger(text);
  }

  static final class BigIntegerSerializer extends JsonSerializer<BigInteger> {
    @Override
    public void serialize(BigInteger v, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(v.toString());
    }
  }

  static final class BigIntegerDeserializer extends JsonDeserializer<BigInteger> {
    @Override
    public BigInteger deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return parse(p, ctxt, BigInteger.class);
    }
  }

  static final class TokenAmountSerializer extends JsonSerializer<TokenAmount> {
    @Override
    public void serialize(TokenAmount v, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(v.atto().toString());
    }
  }

  static final class TokenAmountDeserializer extends JsonDeserializer<TokenAmount> {
    @Override
    public TokenAmount deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      BigInteger v = parse(p, ctxt, TokenAmount.class);
      return v == null ? null : TokenAmount.ofAtto(v);
    }
  }
}
