package venus.market.core.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import venus.market.core.address.AddressException.Kind;

class AddressTest {

  private static final JsonNode V = load();

  private static JsonNode load() {
    try (InputStream in = AddressTest.class.getResourceAsStream("/vectors/address/go-address-vectors.json")) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }

  /** Checks both string forms, the parse of each and the byte-form round trip. */
  private static void assertForms(Address a, JsonNode v) {
    assertThat(a.toString(Network.MAINNET)).isEqualTo(v.get("mainnet").asText());
    assertThat(Address.parse(v.get("mainnet").asText())).isEqualTo(a);
    if (v.has("testnet")) {
      assertThat(a.toString(Network.TESTNET)).isEqualTo(v.get("testnet").asText());
      assertThat(Address.parse(v.get("testnet").asText())).isEqualTo(a);
    }
    assertThat(Address.fromBytes(a.bytes())).isEqualTo(a);
  }

  @Test
  void idVectors() {
    for (JsonNode v : V.get("id")) {
      Address a = Address.newId(v.get("id").asLong());
      assertForms(a, v);
      assertThat(a.isId()).isTrue();
      assertThat(a.id()).isEqualTo(v.get("id").asLong());
      assertThat(a.protocol()).isEqualTo(Protocol.ID);
    }
  }

  @Test
  void secp256k1Vectors() {
    for (JsonNode v : V.get("secp256k1")) {
      byte[] pub = hex(v.get("uncompressed_pubkey_hex").asText());
      Address a = Address.newSecp256k1(pub);
      assertForms(a, v);
      assertThat(a.protocol()).isEqualTo(Protocol.SECP256K1);
      assertThat(Address.newSecp256k1(venus.market.core.crypto.Secp256k1.compress(pub))).isEqualTo(a);
    }
  }

  @Test
  void actorVectors() {
    for (JsonNode v : V.get("actor")) {
      Address a = Address.newActor(hex(v.get("actor_input_hex (payload = blake2b-160 of this)").asText()));
      assertForms(a, v);
      assertThat(a.protocol()).isEqualTo(Protocol.ACTOR);
    }
  }

  @Test
  void blsVectors() {
    for (JsonNode v : V.get("bls")) {
      byte[] pk = hex(v.get("bls_pubkey_hex (payload as-is)").asText());
      Address a = Address.newBls(pk);
      assertForms(a, v);
      assertThat(a.payload()).isEqualTo(pk);
    }
  }

  @Test
  void delegatedVectors() {
    for (JsonNode v : V.get("delegated")) {
      byte[] sub = hex(v.get("subaddress_hex").asText());
      Address a = Address.newDelegated(v.get("namespace").asLong(), sub);
      assertForms(a, v);
      assertThat(a.namespace()).isEqualTo(v.get("namespace").asLong());
      assertThat(a.subaddress()).isEqualTo(sub);
    }
  }

  @Test
  void invalidStringsFailWithGoAddressErrors() {
    for (JsonNode v : V.get("invalid_strings")) {
      String input = v.get("input").asText();
      String goError = v.get("error").asText();
      if (goError.startsWith("base32.CorruptInputError(")) {
        String index = goError.substring("base32.CorruptInputError(".length(), goError.length() - 1);
        assertThatThrownBy(() -> Address.parse(input)).as(input).isInstanceOf(AddressException.class)
            .hasMessageContaining("input byte " + index)
            .extracting(e -> ((AddressException) e).kind()).isEqualTo(Kind.INVALID_ENCODING);
      } else {
        assertThatThrownBy(() -> Address.parse(input)).as(input).isInstanceOf(AddressException.class)
            .extracting(e -> ((AddressException) e).kind()).isEqualTo(goKind(goError));
      }
    }
  }

  @Test
  void invalidBytesFailWithGoAddressErrors() {
    for (JsonNode v : V.get("invalid_bytes")) {
      String goError = v.get("error").asText();
      Kind expected = goError.startsWith("error (truncated") ? Kind.INVALID_PAYLOAD : goKind(goError.split(" ")[0]);
      byte[] input = hex(v.get("hex").asText());
      assertThatThrownBy(() -> Address.fromBytes(input)).as(v.get("hex").asText())
          .isInstanceOf(AddressException.class)
          .extracting(e -> ((AddressException) e).kind()).isEqualTo(expected);
    }
  }

  private static Kind goKind(String goError) {
    return switch (goError) {
      case "ErrUnknownNetwork" -> Kind.UNKNOWN_NETWORK;
      case "ErrUnknownProtocol" -> Kind.UNKNOWN_PROTOCOL;
      case "ErrInvalidPayload" -> Kind.INVALID_PAYLOAD;
      case "ErrInvalidLength" -> Kind.INVALID_LENGTH;
      case "ErrInvalidChecksum" -> Kind.INVALID_CHECKSUM;
      default -> throw new IllegalArgumentException("unmapped go-address error " + goError);
    };
  }

  @Test
  void rejectsNonCanonicalBase32TrailingBits() {
    assertThat(Address.parse("f1xpbyy4tkdx5si2bgo37dubc2xwv6fum5tk57mia").protocol()).isEqualTo(Protocol.SECP256K1);
    assertKind("f1xpbyy4tkdx5si2bgo37dubc2xwv6fum5tk57mid", Kind.INVALID_ENCODING);
  }

  @Test
  void goAddressEdgeCases() {
    // The Go test's "append base32 of repeated 'a'" cases: right characters, wrong lengths.
    String aaa = venus.market.core.multiformats.Base32.encode("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".getBytes());
    assertKind("t1" + aaa, Kind.INVALID_LENGTH);
    assertKind("t3" + aaa, Kind.INVALID_LENGTH);
    assertKind("t0-1", Kind.INVALID_PAYLOAD);
    assertKind("t0+1", Kind.INVALID_PAYLOAD);
    assertKind("t09223372036854775808", Kind.INVALID_PAYLOAD);
    assertKind("t4", Kind.INVALID_LENGTH);
    assertKind("f410", Kind.INVALID_PAYLOAD);
    assertKind("f4xf" + "aaaa", Kind.INVALID_PAYLOAD);
    assertKind("f410faa", Kind.INVALID_LENGTH);
    assertKind("f410f" + "a".repeat(93), Kind.INVALID_CHECKSUM);
    assertKind("f410f" + "a".repeat(95), Kind.INVALID_LENGTH);
    assertKind("f1" + "a".repeat(120), Kind.INVALID_LENGTH);
    assertKind("f1xpbyy4tkdx5si2bgo37dubc2xwv6fum5tk57mi", Kind.INVALID_ENCODING);
    assertKind("f432f77777777y32lpna", Kind.INVALID_CHECKSUM);
    // Leading zeros parse, as with Go's strconv.ParseUint; the canonical form drops them.
    assertThat(Address.parse("t0007").toString(Network.TESTNET)).isEqualTo("t07");
    assertThat(Address.parseOptional("")).isEmpty();
    assertThat(Address.parseOptional("<empty>")).isEmpty();
    assertThat(Address.parseOptional("f01000")).isEqualTo(Optional.of(Address.newId(1000)));
    assertKind("", Kind.INVALID_LENGTH);
  }

  @Test
  void factoriesRejectBadInput() {
    assertThatThrownBy(() -> Address.newId(-1)).isInstanceOf(AddressException.class);
    assertThatThrownBy(() -> Address.newBls(new byte[47])).isInstanceOf(AddressException.class);
    assertThatThrownBy(() -> Address.newSecp256k1(new byte[65])).isInstanceOf(AddressException.class);
    assertThatThrownBy(() -> Address.newDelegated(-1, new byte[0])).isInstanceOf(AddressException.class);
    assertThatThrownBy(() -> Address.newDelegated(10, new byte[55])).isInstanceOf(AddressException.class);
    assertThatThrownBy(() -> Address.fromBytes(new byte[0])).isInstanceOf(AddressException.class);
    assertThatThrownBy(() -> Address.fromBytes(new byte[] {0, 1, 2})).isInstanceOf(AddressException.class)
        .extracting(e -> ((AddressException) e).kind()).isEqualTo(Kind.INVALID_LENGTH);
    assertThatThrownBy(() -> Address.fromBytes(new byte[] {0, (byte) 0x81, 0})).isInstanceOf(AddressException.class)
        .extracting(e -> ((AddressException) e).kind()).isEqualTo(Kind.INVALID_PAYLOAD);
    assertThatThrownBy(() -> Address.newBls(new byte[48]).id()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void defaultNetworkIsTestnetAndCannotChangeOnceSet() {
    assertThat(Network.defaultNetwork()).isEqualTo(Network.TESTNET);
    assertThat(Address.newId(1000).toString()).isEqualTo("t01000");
    Network.setDefault(Network.TESTNET);
    Network.setDefault(Network.TESTNET);
    assertThatThrownBy(() -> Network.setDefault(Network.MAINNET)).isInstanceOf(IllegalStateException.class);
    assertThat(Network.defaultNetwork()).isEqualTo(Network.TESTNET);
  }

  private static void assertKind(String input, Kind kind) {
    assertThatThrownBy(() -> Address.parse(input)).as(input).isInstanceOf(AddressException.class)
        .extracting(e -> ((AddressException) e).kind()).isEqualTo(kind);
  }
}
