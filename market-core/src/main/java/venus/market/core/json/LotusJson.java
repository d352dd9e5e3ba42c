package venus.market.core.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.math.BigInteger;
import java.util.function.Supplier;
import venus.market.core.address.Address;
import venus.market.core.address.Network;
import venus.market.core.amount.TokenAmount;
import venus.market.core.chain.SignedMessage;
import venus.market.core.chain.TipSetKey;
import venus.market.core.chain.UnsignedMessage;
import venus.market.core.crypto.Signature;
import venus.market.core.multiformats.Cid;

/**
 * The Jackson setup for Lotus JSON. Field names: record components are written in Go's exported
 * (PascalCase) style, so {@code pieceSize} and {@code PieceSize} both become {@code "PieceSize"};
 * names Go spells irregularly ({@code "PieceCID"}, {@code "VRFProof"}) need {@code @JsonProperty}.
 * Nulls are written (Go has no omitempty on API structs) and unknown fields are ignored (newer
 * nodes add fields). Byte arrays use Jackson's default, standard base64 with padding, which is
 * Go's.
 */
public final class LotusJson {
  private LotusJson() {}

  /** A mapper printing addresses with the process-wide default network prefix. */
  public static ObjectMapper mapper() {
    return configure(new ObjectMapper(), Network::defaultNetwork);
  }

  /** A mapper printing addresses with a fixed network prefix (tests, tools for another network). */
  public static ObjectMapper mapper(Network network) {
    return configure(new ObjectMapper(), () -> network);
  }

  /** The serializers alone, for a mapper configured elsewhere. */
  public static Module module(Supplier<Network> network) {
    SimpleModule m = new SimpleModule("LotusJson");
    m.addSerializer(Cid.class, new CidJson.Serializer());
    m.addDeserializer(Cid.class, new CidJson.Deserializer());
    m.addSerializer(Address.class, new AddressJson.Serializer(network));
    m.addDeserializer(Address.class, new AddressJson.Deserializer());
    m.addKeySerializer(Address.class, new AddressJson.KeySerializer(network));
    m.addKeyDeserializer(Address.class, new AddressJson.KeyReader());
    m.addSerializer(BigInteger.class, new BigIntJson.BigIntegerSerializer());
    m.addDeserializer(BigInteger.class, new BigIntJson.BigIntegerDeserializer());
    m.addSerializer(TokenAmount.class, new BigIntJson.TokenAmountSerializer());
    m.addDeserializer(TokenAmount.class, new BigIntJson.TokenAmountDeserializer());
    m.addSerializer(Signature.class, new SignatureJson.Serializer());
    m.addSerializer(TipSetKey.class, new TipSetKeyJson.Serializer());
    m.addDeserializer(TipSetKey.class, new TipSetKeyJson.Deserializer());
    m.addSerializer(UnsignedMessage.class, new MessageJson.UnsignedSerializer());
    m.addDeserializer(UnsignedMessage.class, new MessageJson.UnsignedDeserializer());
    m.addSerializer(SignedMessage.class, new MessageJson.SignedSerializer());
    m.addDeserializer(SignedMessage.class, new MessageJson.SignedDeserializer());
    m.addDeserializer(Signature.class, new SignatureJson.Deserializer());
    return m;
  }

  private static ObjectMapper configure(ObjectMapper mapper, Supplier<Network> network) {
    mapper.registerModule(module(network));
    mapper.setPropertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE);
    mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    mapper.configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);
    return mapper;
  }
}
