package venus.market.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static venus.market.core.market.MarketVectors.dealHex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import venus.market.core.address.Network;
import venus.market.core.json.LotusJson;

/**
 * The records' component names give lotus's JSON keys through LotusJson's UPPER_CAMEL_CASE naming (lotus
 * StateMarketStorageDeal / ClientStatelessDeal shapes).
 */
class LotusJsonShapeTest {

  private static final ObjectMapper JSON = LotusJson.mapper(Network.MAINNET);

  @Test
  void clientDealProposalHasLotusKeysAndRoundTrips() throws Exception {
    ClientDealProposal cdp = ClientDealProposal.decode(dealHex("client_deal_proposal_cbor_hex"));
    JsonNode tree = JSON.valueToTree(cdp);
    assertThat(iterableKeys(tree)).containsExactly("Proposal", "ClientSignature");
    JsonNode p = tree.get("Proposal");
    assertThat(iterableKeys(p)).containsExactly("PieceCID", "PieceSize", "VerifiedDeal", "Client", "Provider", "Label",
        "StartEpoch", "EndEpoch", "StoragePricePerEpoch", "ProviderCollateral", "ClientCollateral");
    assertThat(p.get("PieceCID").get("/").asText()).startsWith("baga6ea4seaq");
    assertThat(p.get("Provider").asText()).isEqualTo("f01000");
    assertThat(p.get("Label").asText()).isEqualTo(cdp.proposal().label().asString());
    assertThat(p.get("StoragePricePerEpoch").asText()).isEqualTo("1000");
    assertThat(tree.get("ClientSignature").get("Type").asInt()).isEqualTo(1);
    ClientDealProposal back = JSON.treeToValue(tree, ClientDealProposal.class);
    assertThat(back).isEqualTo(cdp);
    assertThat(back.proposalCid()).isEqualTo(cdp.proposalCid());
  }

  @Test
  void byteLabelsBecomeEmptyStringsLikeGo() throws Exception {
    assertThat(JSON.writeValueAsString(DealLabel.ofBytes(new byte[] {1}))).isEqualTo("\"\"");
    assertThat(JSON.readValue("\"hello\"", DealLabel.class)).isEqualTo(DealLabel.ofString("hello"));
  }

  @Test
  void dealStateAndBalanceKeys() {
    assertThat(iterableKeys(JSON.valueToTree(new DealState(9, 1, 2, -1))))
        .containsExactly("SectorNumber", "SectorStartEpoch", "LastUpdatedEpoch", "SlashEpoch");
  }

  @Test
  void boostDealParamsKeepGoNames() {
    venus.market.core.storagemarket.DealParams dp = new venus.market.core.storagemarket.DealParams(
        java.util.UUID.randomUUID(), true, ClientDealProposal.decode(dealHex("client_deal_proposal_cbor_hex")),
        ClientDealProposal.decode(dealHex("client_deal_proposal_cbor_hex")).proposal().pieceCID(),
        venus.market.core.storagemarket.Transfer.NONE, false, true);
    assertThat(iterableKeys(JSON.valueToTree(dp))).containsExactly("DealUUID", "IsOffline", "ClientDealProposal",
        "DealDataRoot", "Transfer", "RemoveUnsealedCopy", "SkipIPNIAnnounce");
    assertThat(iterableKeys(JSON.valueToTree(venus.market.core.storagemarket.Transfer.NONE)))
        .containsExactly("Type", "ClientID", "Params", "Size");
  }

  private static List<String> iterableKeys(JsonNode node) {
    List<String> keys = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }
}
