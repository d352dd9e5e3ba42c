package venus.market.daemon.deals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import venus.market.core.address.Network;
import venus.market.core.json.LotusJson;
import venus.market.core.market.ClientDealProposal;

/** The deal as API clients see it: Lotus JSON keys, numeric state code, RFC 3339 times, CIDs as {"/": ...}. */
class ProviderDealJsonTest {
  private static final ObjectMapper JSON = LotusJson.mapper(Network.MAINNET);

  @Test
  void lotusJsonShape() throws Exception {
    KvDealStore store = new KvDealStore(new TestDeals.MemKv());
    DealStateMachine m = new DealStateMachine(store, TestDeals.fixedClock());
    ProviderDeal d = m.open(TestDeals.proposal(1), "");
    d = m.apply(d.proposalCid(), ProviderEvent.DEAL_REJECTED, "price too low");

    JsonNode tree = JSON.readTree(JSON.writeValueAsString(d));
    List<String> keys = new ArrayList<>();
    tree.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("ProposalCid", "ClientDealProposal", "State", "DealID", "PiecePath",
        "TransferredBytes", "PublishCid", "Message", "CreationTime", "UpdatedAt", "DealUuid", "Protocol",
        "ClientPeerID", "Transfer", "PayloadCid", "PayloadSize", "FastRetrieval", "InboundCAR", "FundsReserved",
        "AddFundsCid", "PieceStatus", "SectorNumber", "Offset");
    assertThat(tree.get("Transfer").has("Params")).as("transfer params may hold credentials").isFalse();
    assertThat(tree.get("PieceStatus").asText()).isEqualTo("Undefined");
    assertThat(tree.get("ProposalCid").get("/").asText()).isEqualTo(d.proposalCid().toString()).startsWith("bafyrei");
    assertThat(tree.get("State").isIntegralNumber()).isTrue();
    assertThat(tree.get("State").asLong()).isEqualTo(10); // StorageDealRejecting
    assertThat(tree.get("DealID").asLong()).isZero();
    assertThat(tree.get("PublishCid").isNull()).isTrue();
    assertThat(tree.get("Message").asText()).isEqualTo("price too low");
    assertThat(tree.get("CreationTime").asText()).isEqualTo("2026-11-24T08:00:00.500Z");
    assertThat(tree.get("ClientDealProposal").get("Proposal").get("Provider").asText()).isEqualTo("f01000");
    assertThat(JSON.treeToValue(tree.get("ClientDealProposal"), ClientDealProposal.class))
        .isEqualTo(TestDeals.proposal(1));
  }
}
