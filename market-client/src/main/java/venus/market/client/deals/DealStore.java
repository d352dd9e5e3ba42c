package venus.market.client.deals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import venus.market.client.store.ClientStore;
import venus.market.core.MarketException;
import venus.market.core.market.ClientDealProposal;
import venus.market.core.multiformats.Cid;
import venus.market.core.storagemarket.StorageDealStatus;

/**
 * Client deals in the RocksDB store under {@code /deals/client/<proposalCid>}, one JSON document each (the signed
 * proposal as base64 CBOR, so what is resent is byte-identical to what was signed). Writes are synced.
 */
public final class DealStore {
  static final String PREFIX = "/deals/client/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ClientStore store;

  public DealStore(ClientStore store) {
    this.store = store;
  }

  public synchronized void put(ClientDeal d) {
    store.put(PREFIX + d.proposalCid(), encode(d));
  }

  public Optional<ClientDeal> get(Cid proposalCid) {
    return store.get(PREFIX + proposalCid).map(DealStore::decode);
  }

  /** Every deal, oldest first. */
  public List<ClientDeal> list() {
    List<ClientDeal> out = new ArrayList<>();
    for (byte[] v : store.scan(PREFIX).values()) {
      out.add(decode(v));
    }
    out.sort(Comparator.comparing(ClientDeal::created).thenComparing(d -> d.proposalCid().toString()));
    return out;
  }

  public Optional<ClientDeal> byUuid(UUID uuid) {
    return list().stream().filter(d -> d.dealUuid().equals(uuid)).findFirst();
  }

  static byte[] encode(ClientDeal d) {
    ObjectNode n = JSON.createObjectNode();
    n.put("proposalCid", d.proposalCid().toString());
    n.put("dealUuid", d.dealUuid().toString());
    n.put("proposal", Base64.getEncoder().encodeToString(d.proposal().toCbor()));
    n.put("dataRoot", d.dataRoot().toString());
    n.put("offline", d.offline());
    n.put("carPath", d.carPath());
    n.put("transferToken", d.transferToken());
    n.put("transferSize", d.transferSize());
    n.put("providerPeer", d.providerPeer());
    ArrayNode addrs = n.putArray("providerAddrs");
    d.providerAddrs().forEach(addrs::add);
    n.put("state", d.state().code());
    n.put("providerState", d.providerState());
    n.put("message", d.message());
    n.put("dealId", d.dealId());
    n.put("publishCid", d.publishCid() == null ? null : d.publishCid().toString());
    n.put("sectorStartEpoch", d.sectorStartEpoch());
    n.put("slashEpoch", d.slashEpoch());
    n.put("bytesSent", d.bytesSent());
    n.put("created", d.created().toString());
    n.put("updated", d.updated().toString());
    try {
      return JSON.writeValueAsBytes(n);
    } catch (IOException e) {
      throw new MarketException("cannot encode deal " + d.proposalCid() + ": " + e.getMessage(), e);
    }
  }

  static ClientDeal decode(byte[] bytes) {
    try {
      JsonNode n = JSON.readTree(bytes);
      List<String> addrs = new ArrayList<>();
      n.path("providerAddrs").forEach(a -> addrs.add(a.asText()));
      return new ClientDeal(Cid.parse(n.path("proposalCid").asText()), UUID.fromString(n.path("dealUuid").asText()),
          ClientDealProposal.decode(Base64.getDecoder().decode(n.path("proposal").asText())),
          Cid.parse(n.path("dataRoot").asText()), n.path("offline").asBoolean(), text(n, "carPath"),
          text(n, "transferToken"), n.path("transferSize").asLong(), n.path("providerPeer").asText(), addrs,
          StorageDealStatus.fromCode(n.path("state").asLong()).orElse(StorageDealStatus.UNKNOWN),
          n.path("providerState").asText(""), n.path("message").asText(""), n.path("dealId").asLong(),
          text(n, "publishCid") == null ? null : Cid.parse(text(n, "publishCid")), n.path("sectorStartEpoch").asLong(),
          n.path("slashEpoch").asLong(), n.path("bytesSent").asLong(), Instant.parse(n.path("created").asText()),
          Instant.parse(n.path("updated").asText()));
    } catch (IOException | RuntimeException e) {
      throw new MarketException("client store holds a corrupt deal record: " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode n, String f) {
    JsonNode v = n.get(f);
    return v == null || v.isNull() ? null : v.asText();
  }
}
