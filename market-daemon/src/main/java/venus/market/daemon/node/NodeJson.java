package venus.market.daemon.node;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import venus.market.daemon.api.ApiJson;

/**
 * The lotus full-node JSON shapes the market reads and writes (only the fields it uses; unknown fields
 * are ignored so newer nodes keep working).
 */
public final class NodeJson {
  private NodeJson() {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record TipSet(@JsonProperty("Height") long height, @JsonProperty("Cids") List<ApiJson.CidJson> cids) {}

  /** lotus api.MinerInfo; PeerId is base58 text, Multiaddrs base64 of binary multiaddrs. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record MinerInfo(
      @JsonProperty("Owner") String owner,
      @JsonProperty("Worker") String worker,
      @JsonProperty("ControlAddresses") List<String> controlAddresses,
      @JsonProperty("PeerId") String peerId,
      @JsonProperty("Multiaddrs") List<String> multiaddrs,
      @JsonProperty("SectorSize") long sectorSize) {
    public MinerInfo {
      controlAddresses = controlAddresses == null ? List.of() : List.copyOf(controlAddresses);
      multiaddrs = multiaddrs == null ? List.of() : List.copyOf(multiaddrs);
    }
  }

  /** types.Message; amounts are attoFIL decimal strings, Params base64. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Message(
      @JsonProperty("Version") long version,
      @JsonProperty("To") String to,
      @JsonProperty("From") String from,
      @JsonProperty("Nonce") long nonce,
      @JsonProperty("Value") String value,
      @JsonProperty("GasLimit") long gasLimit,
      @JsonProperty("GasFeeCap") String gasFeeCap,
      @JsonProperty("GasPremium") String gasPremium,
      @JsonProperty("Method") long method,
      @JsonProperty("Params") String params) {

    /** A message for MpoolPushMessage: the node fills nonce and gas. */
    public static Message call(String from, String to, long method, String paramsBase64, long gasLimit) {
      return new Message(0, to, from, 0, "0", gasLimit, "0", "0", method, paramsBase64);
    }
  }

  /** api.MessageSendSpec (other fields such as GasOverEstimation are ignored). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record SendSpec(@JsonProperty("MaxFee") String maxFee) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record SignedMessage(
      @JsonProperty("Message") Message message,
      @JsonProperty("Signature") ApiJson.Signature signature,
      @JsonProperty("CID") ApiJson.CidJson cid) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Receipt(
      @JsonProperty("ExitCode") long exitCode,
      @JsonProperty("Return") String returnValue,
      @JsonProperty("GasUsed") long gasUsed) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record MsgLookup(
      @JsonProperty("Message") ApiJson.CidJson message,
      @JsonProperty("Receipt") Receipt receipt,
      @JsonProperty("Height") long height) {}

  /** api.MarketBalance: attoFIL decimal strings. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record MarketBalance(@JsonProperty("Escrow") String escrow, @JsonProperty("Locked") String locked) {}

  /** The State part of api.MarketDeal (the proposal is known to the market already). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record MarketDealState(
      @JsonProperty("SectorNumber") long sectorNumber,
      @JsonProperty("SectorStartEpoch") long sectorStartEpoch,
      @JsonProperty("LastUpdatedEpoch") long lastUpdatedEpoch,
      @JsonProperty("SlashEpoch") long slashEpoch) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record MarketDeal(@JsonProperty("State") MarketDealState state) {}

  /** api.DealCollateralBounds: attoFIL decimal strings. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record CollateralBounds(@JsonProperty("Min") String min, @JsonProperty("Max") String max) {}
}
