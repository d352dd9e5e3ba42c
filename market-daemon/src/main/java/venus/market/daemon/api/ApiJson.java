package venus.market.daemon.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * JSON shapes of the market API results, spelled as the Go structs serialise them (Lotus JSON:
 * big integers as decimal strings, bytes as base64, CIDs as {"/": "..."}).
 */
public final class ApiJson {
  private ApiJson() {}

  /** go-fil-markets {@code storagemarket.StorageAsk}. Prices are attoFIL per GiB per epoch. */
  public record StorageAsk(
      @JsonProperty("Price") String price,
      @JsonProperty("VerifiedPrice") String verifiedPrice,
      @JsonProperty("MinPieceSize") long minPieceSize,
      @JsonProperty("MaxPieceSize") long maxPieceSize,
      @JsonProperty("Miner") String miner,
      @JsonProperty("Timestamp") long timestamp,
      @JsonProperty("Expiry") long expiry,
      @JsonProperty("SeqNo") long seqNo) {}

  /** crypto.Signature: Type 1 = secp256k1, 2 = BLS; Data base64. */
  public record Signature(@JsonProperty("Type") int type, @JsonProperty("Data") String data) {}

  public record SignedStorageAsk(@JsonProperty("Ask") StorageAsk ask, @JsonProperty("Signature") Signature signature) {}

  /** peer.AddrInfo. */
  public record AddrInfo(@JsonProperty("ID") String id, @JsonProperty("Addrs") List<String> addrs) {
    public AddrInfo {
      addrs = addrs == null ? List.of() : List.copyOf(addrs);
    }
  }

  /** venus market.User: a miner served by the market and its account. */
  public record User(@JsonProperty("Addr") String addr, @JsonProperty("Account") String account) {}

  /** Extension result of ActorInfo: the miner's on-chain info with multiaddrs decoded to text. */
  public record MinerOnChain(
      @JsonProperty("Miner") String miner,
      @JsonProperty("PeerId") String peerId,
      @JsonProperty("Multiaddrs") List<String> multiaddrs,
      @JsonProperty("Owner") String owner,
      @JsonProperty("Worker") String worker,
      @JsonProperty("SectorSize") long sectorSize) {
    public MinerOnChain {
      multiaddrs = multiaddrs == null ? List.of() : List.copyOf(multiaddrs);
    }
  }

  /** The subset of a lotus TipSet the CLI needs. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ChainHead(@JsonProperty("Height") long height) {}

  public record Version(@JsonProperty("Version") String version, @JsonProperty("APIVersion") long apiVersion) {}

  /** CID in Lotus JSON. */
  public record CidJson(@JsonProperty("/") String cid) {}
  /** market.DealProposal in Lotus JSON (amounts attoFIL as decimal strings, PieceSize padded). */
  public record DealProposal(
      @JsonProperty("PieceCID") CidJson pieceCid,
      @JsonProperty("PieceSize") long pieceSize,
      @JsonProperty("VerifiedDeal") boolean verifiedDeal,
      @JsonProperty("Client") String client,
      @JsonProperty("Provider") String provider,
      @JsonProperty("Label") String label,
      @JsonProperty("StartEpoch") long startEpoch,
      @JsonProperty("EndEpoch") long endEpoch,
      @JsonProperty("StoragePricePerEpoch") String storagePricePerEpoch,
      @JsonProperty("ProviderCollateral") String providerCollateral,
      @JsonProperty("ClientCollateral") String clientCollateral) {}

  /**
   * The fields of go-fil-markets' MinerDeal that the daemon records (droplet-spec §3.4); fields it does not track
   * yet (Miner/Client peer ids, Ref, TransferChannelId, ...) are left out rather than invented. {@code History} is
   * an extension filled only by MarketGetDeal; {@code TransferType} ("manual", "http", "libp2p"), {@code TransferSize}
   * (the CAR bytes the client declared) and {@code TransferredBytes} (received so far) are extensions too, so a list
   * can show transfer progress.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record MinerDeal(
      @JsonProperty("Proposal") DealProposal proposal,
      @JsonProperty("ClientSignature") Signature clientSignature,
      @JsonProperty("ProposalCid") CidJson proposalCid,
      @JsonProperty("PublishCid") CidJson publishCid,
      @JsonProperty("State") long state,
      @JsonProperty("PiecePath") String piecePath,
      @JsonProperty("Message") String message,
      @JsonProperty("DealID") long dealId,
      @JsonProperty("CreationTime") String creationTime,
      @JsonProperty("UpdatedAt") String updatedAt,
      @JsonProperty("TransferType") String transferType,
      @JsonProperty("TransferSize") long transferSize,
      @JsonProperty("TransferredBytes") long transferredBytes,
      @JsonProperty("History") List<DealTransition> history) {}

  /** Extension: one entry of a deal's transition history (states by Go name, time RFC 3339). */
  public record DealTransition(
      @JsonProperty("Time") String time,
      @JsonProperty("From") String from,
      @JsonProperty("To") String to,
      @JsonProperty("Event") String event,
      @JsonProperty("Note") String note) {}
}
