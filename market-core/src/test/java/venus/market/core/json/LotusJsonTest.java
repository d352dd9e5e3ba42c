package venus.market.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import venus.market.core.address.Address;
import venus.market.core.address.Network;
import venus.market.core.amount.TokenAmount;
import venus.market.core.chain.TipSetKey;
import venus.market.core.crypto.SigType;
import venus.market.core.crypto.Signature;
import venus.market.core.multiformats.Cid;

/**
 * Shapes checked against the lotus v1 API examples (vectors/lotus-api, from lotus @b835fab7
 * documentation/en/api-methods-v1-stable.md).
 */
class LotusJsonTest {
  static final ObjectMapper MAPPER = LotusJson.mapper(Network.MAINNET);
  static JsonNode methods;

  // Records shaped like the lotus structs; camelCase components become Go's PascalCase names.
  record DealProposal(
      @JsonProperty("PieceCID") Cid pieceCid,
      long pieceSize,
      boolean verifiedDeal,
      Address client,
      Address provider,
      String label,
      long startEpoch,
      long endEpoch,
      TokenAmount storagePricePerEpoch,
      TokenAmount providerCollateral,
      TokenAmount clientCollateral) {}

  record DealState(
      long sectorNumber, long sectorStartEpoch, long lastUpdatedEpoch, long slashEpoch) {}

  record MarketDeal(DealProposal proposal, DealState state) {}

  record Block(
      Address miner,
      List<Cid> parents,
      BigInteger parentWeight,
      long height,
      Cid parentStateRoot,
      Cid parentMessageReceipts,
      Cid messages,
      @JsonProperty("BLSAggregate") Signature blsAggregate,
      long timestamp,
      Signature blockSig,
      long forkSignaling,
      TokenAmount parentBaseFee) {}

  record TipSet(List<Cid> cids, List<Block> blocks, long height) {}

  record Message(
      int version,
      Address to,
      Address from,
      long nonce,
      TokenAmount value,
      long gasLimit,
      TokenAmount gasFeeCap,
      TokenAmount gasPremium,
      long method,
      byte[] params) {}

  record SignedMessage(Message message, Signature signature) {}

  record Receipt(long exitCode, @JsonProperty("Return") byte[] ret, long gasUsed, Cid eventsRoot) {}

  record Claim(BigInteger rawBytePower, BigInteger qualityAdjPower) {}

  record MinerPower(Claim minerPower, Claim totalPower, boolean hasMinPower) {}

  record MarketBalance(TokenAmount escrow, TokenAmount locked) {}

  @BeforeAll
  static synchronized void load() throws Exception {
    try (InputStream in =
        LotusJsonTest.class.getResourceAsStream("/vectors/lotus-api/lotus-v1-api-examples.json")) {
      if (methods == null) {
        methods = new ObjectMapper().readTree(in).get("methods");
      }
    }
  }

  static JsonNode result(String method) {
    return methods.get(method).get("result");
  }

  static JsonNode params(String method) {
    return methods.get(method).get("params");
  }

  /** Decodes {@code node} as {@code type} and checks it encodes back to the same JSON. */
  static <T> T roundTrip(JsonNode node, Class<T> type) throws Exception {
    T value = MAPPER.treeToValue(node, type);
    assertThat(encode(value)).isEqualTo(node);
    return value;
  }

  /**
   * Like {@link #roundTrip} for views that model only some fields: compares the fields modelled.
   */
  static void assertFieldsMatch(JsonNode expected, JsonNode actual) {
    assertFieldsMatchInner(expected, actual);
  }

  /** Encodes to text and parses it back, so numbers compare by value as in the vector file. */
  static JsonNode encode(Object value) throws Exception {
    return new ObjectMapper().readTree(MAPPER.writeValueAsString(value));
  }

  private static void assertFieldsMatchInner(JsonNode expected, JsonNode actual) {
    if (actual.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = actual.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        assertThat(expected.has(f.getKey())).as("vector has field %s", f.getKey()).isTrue();
        assertFieldsMatch(expected.get(f.getKey()), f.getValue());
      }
    } else if (actual.isArray()) {
      assertThat(actual.size()).isEqualTo(expected.size());
      for (int i = 0; i < actual.size(); i++) {
        assertFieldsMatch(expected.get(i), actual.get(i));
      }
    } else {
      assertThat(actual).isEqualTo(expected);
    }
  }

  @Test
  void marketDealRoundTripsExactly() throws Exception {
    MarketDeal deal = roundTrip(result("StateMarketStorageDeal"), MarketDeal.class);
    assertThat(deal.proposal().pieceCid())
        .isEqualTo(Cid.parse("bafy2bzacea3wsdh6y3a36tb3skempjoxqpuyompjbmfeyf34fi3uy6uue42v4"));
    assertThat(deal.proposal().client()).isEqualTo(Address.newId(1234));
    assertThat(deal.proposal().storagePricePerEpoch()).isEqualTo(TokenAmount.ZERO);
    assertThat(deal.state().sectorNumber()).isEqualTo(9);
  }

  @Test
  void chainHeadShapes() throws Exception {
    JsonNode head = result("ChainHead");
    TipSet ts = MAPPER.treeToValue(head, TipSet.class); // unknown fields (Ticket, ...) are ignored
    assertFieldsMatch(head, encode(ts));
    Block b = ts.blocks().get(0);
    assertThat(b.parentWeight()).isEqualTo(new BigInteger("116013147118"));
    assertThat(b.parentBaseFee()).isEqualTo(TokenAmount.ofAtto(20592036));
    assertThat(b.blockSig().type()).isEqualTo(SigType.BLS);
    assertThat(b.blockSig().data()).hasSize(96);
    assertThat(b.parents()).hasSize(3);
    assertThat(b.miner().toString(Network.MAINNET)).isEqualTo("f01938223");
  }

  @Test
  void tipSetKeyParamIsAnArrayOfCids() throws Exception {
    JsonNode key = params("ChainGetTipSet").get(0);
    List<Cid> cids = MAPPER.convertValue(key, new TypeReference<List<Cid>>() {});
    assertThat(cids).hasSize(2);
    assertThat(encode(cids)).isEqualTo(key);
  }

  @Test
  void signedMessageAndSignatures() throws Exception {
    JsonNode pushed = params("MpoolPush").get(0);
    SignedMessage sm = MAPPER.treeToValue(pushed, SignedMessage.class);
    assertFieldsMatch(pushed, encode(sm));
    assertThat(new String(sm.message().params(), StandardCharsets.UTF_8)).isEqualTo("byte array");
    assertThat(sm.message().version()).isEqualTo(42);

    Signature sig = roundTrip(result("WalletSign"), Signature.class);
    assertThat(sig.type()).isEqualTo(SigType.BLS);
    assertThat(roundTrip(params("WalletVerify").get(1), byte[].class))
        .isEqualTo("byte array".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void receiptsBigIntsAddressesAndCids() throws Exception {
    Receipt r = roundTrip(result("ChainGetParentReceipts").get(0), Receipt.class);
    assertThat(r.eventsRoot()).isNotNull();
    MinerPower p = roundTrip(result("StateMinerPower"), MinerPower.class);
    assertThat(p.minerPower().rawBytePower()).isZero();
    roundTrip(result("StateMarketBalance"), MarketBalance.class);
    assertThat(roundTrip(result("WalletBalance"), TokenAmount.class)).isEqualTo(TokenAmount.ZERO);
    assertThat(roundTrip(result("StateLookupID"), Address.class)).isEqualTo(Address.newId(1234));
    assertThat(roundTrip(result("MarketAddBalance"), Cid.class).version()).isEqualTo(1);
    JsonNode addBalance = params("MarketAddBalance");
    assertThat(MAPPER.treeToValue(addBalance.get(2), TokenAmount.class))
        .isEqualTo(TokenAmount.ZERO);
  }

  @Test
  void bigValuesAndNegativeAmounts() throws Exception {
    BigInteger big = BigInteger.TWO.pow(255).negate();
    assertThat(MAPPER.writeValueAsString(big)).isEqualTo("\"" + big + "\"");
    assertThat(MAPPER.readValue("\"" + big + "\"", BigInteger.class)).isEqualTo(big);
    TokenAmount fil = TokenAmount.ofFil(2_000_000_000L);
    assertThat(MAPPER.writeValueAsString(fil)).isEqualTo("\"2000000000000000000000000000\"");
    assertThat(MAPPER.readValue("\"-5\"", TokenAmount.class)).isEqualTo(TokenAmount.ofAtto(-5));
  }

  @Test
  void nullsAreWrittenAndReadLikeGoNil() throws Exception {
    TipSet empty = new TipSet(null, null, 0);
    assertThat(MAPPER.writeValueAsString(empty))
        .isEqualTo("{\"Cids\":null,\"Blocks\":null,\"Height\":0}");
    assertThat(MAPPER.readValue("{\"Cids\":null,\"Height\":5}", TipSet.class))
        .isEqualTo(new TipSet(null, null, 5));
    assertThat(MAPPER.readValue("null", Cid.class)).isNull();
    assertThat(MAPPER.readValue("\"<empty>\"", Address.class)).isNull();
    assertThat(MAPPER.writeValueAsString(new byte[0])).isEqualTo("\"\"");
    assertThat(MAPPER.readValue("{\"Return\":null}", Receipt.class).ret()).isNull();
  }

  @Test
  void addressesFollowTheNetworkPrefix() throws Exception {
    Address a = Address.newId(1234);
    assertThat(LotusJson.mapper(Network.TESTNET).writeValueAsString(a)).isEqualTo("\"t01234\"");
    assertThat(MAPPER.writeValueAsString(a)).isEqualTo("\"f01234\"");
    assertThat(LotusJson.mapper().writeValueAsString(a))
        .isEqualTo("\"" + a.toString(Network.defaultNetwork()) + "\"");
    Map<Address, Long> byAddr = Map.of(a, 7L);
    String json = MAPPER.writeValueAsString(byAddr);
    assertThat(json).isEqualTo("{\"f01234\":7}");
    assertThat(MAPPER.readValue(json, new TypeReference<Map<Address, Long>>() {}))
        .isEqualTo(byAddr);
  }

  @Test
  void malformedValuesAreRejectedWithJacksonErrors() {
    assertThatThrownBy(() -> MAPPER.readValue("{\"/\":\"notacid\"}", Cid.class))
        .isInstanceOf(InvalidFormatException.class)
        .hasMessageContaining("notacid");
    assertThatThrownBy(() -> MAPPER.readValue("{}", Cid.class))
        .isInstanceOf(InvalidFormatException.class)
        .hasMessageContaining("incorrectly formatted");
    assertThatThrownBy(
            () ->
                MAPPER.readValue(
                    "\"bafy2bzacea3wsdh6y3a36tb3skempjoxqpuyompjbmfeyf34fi3uy6uue42v4\"",
                    Cid.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("{\"/\":\"<cid>\"}");
    assertThatThrownBy(() -> MAPPER.readValue("{\"/\":5}", Cid.class))
        .isInstanceOf(MismatchedInputException.class);

    assertThatThrownBy(() -> MAPPER.readValue("5", TokenAmount.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("JSON string of decimal digits");
    for (String bad : List.of("\"1.5\"", "\"1e5\"", "\"\"", "\"0x10\"", "\" 1\"")) {
      assertThatThrownBy(() -> MAPPER.readValue(bad, BigInteger.class))
          .as(bad)
          .isInstanceOf(InvalidFormatException.class);
    }
    String huge = "\"" + "9".repeat(BigIntJson.MAX_DIGITS + 1) + "\"";
    assertThatThrownBy(() -> MAPPER.readValue(huge, TokenAmount.class))
        .isInstanceOf(InvalidFormatException.class)
        .hasMessageContaining("more than");

    assertThatThrownBy(() -> MAPPER.readValue("\"x01234\"", Address.class))
        .isInstanceOf(InvalidFormatException.class);
    assertThatThrownBy(() -> MAPPER.readValue("1234", Address.class))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> MAPPER.readValue("{\"Type\":\"bls\",\"Data\":\"\"}", Signature.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("Type");
    assertThatThrownBy(() -> MAPPER.readValue("{\"Type\":1,\"Data\":\"!!\"}", Signature.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("base64");
  }

  @Test
  void tipSetKeysAreArraysOfCids() throws Exception {
    JsonNode key = params("ChainGetTipSet").get(0);
    TipSetKey tsk = roundTrip(key, TipSetKey.class);
    assertThat(tsk.cids()).hasSize(2);
    assertThat(tsk.bytes()).hasSize(tsk.cids().get(0).bytes().length * 2);
    assertThat(MAPPER.treeToValue(params("StateLookupID").get(1), TipSetKey.class)).isEqualTo(tsk);
    assertThat(MAPPER.writeValueAsString(TipSetKey.EMPTY)).isEqualTo("[]");
    assertThat(MAPPER.readValue("[]", TipSetKey.class)).isEqualTo(TipSetKey.EMPTY);
    assertThat(MAPPER.readValue("null", TipSetKey.class)).isEqualTo(TipSetKey.EMPTY);
    assertThatThrownBy(() -> MAPPER.readValue("\"bafy\"", TipSetKey.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("array of CIDs");
    assertThatThrownBy(() -> MAPPER.readValue("[null]", TipSetKey.class))
        .isInstanceOf(MismatchedInputException.class);
  }
}
