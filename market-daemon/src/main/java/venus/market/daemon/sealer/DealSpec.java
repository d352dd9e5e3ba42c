package venus.market.daemon.sealer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * venus-shared market.GetDealSpec: limits a sealer puts on the deals it asks for. The 2022 API sent only MaxPiece and
 * MaxPieceSize; missing fields are Go zero values (no limit).
 *
 * @param maxPiece at most this many deals (0 = no limit; a missing spec means 10, droplet's default)
 * @param maxPieceSize each deal's padded piece size at most this (0 = no limit)
 * @param minPiece fewer deals than this → assign nothing
 * @param minPieceSize each deal's padded piece size at least this
 * @param minUsedSpace fewer deal bytes than this → assign nothing
 * @param startEpoch if set, deals must start after it
 * @param endEpoch if set, deals must end before it
 * @param sectorExpiration snap deals: the CC sector's expiration; the deal's term must fit the sector's lifetime
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DealSpec(
    @JsonProperty("MaxPiece") int maxPiece,
    @JsonProperty("MaxPieceSize") long maxPieceSize,
    @JsonProperty("MinPiece") int minPiece,
    @JsonProperty("MinPieceSize") long minPieceSize,
    @JsonProperty("MinUsedSpace") long minUsedSpace,
    @JsonProperty("StartEpoch") long startEpoch,
    @JsonProperty("EndEpoch") long endEpoch,
    @JsonProperty("SectorExpiration") Long sectorExpiration) {

  /** droplet's defaultGetDealSpec, used when a sealer sends null. */
  public static final int DEFAULT_MAX_PIECE = 10;

  public static DealSpec defaults() {
    return maxPiece(DEFAULT_MAX_PIECE);
  }

  public static DealSpec maxPiece(int n) {
    return new DealSpec(n, 0, 0, 0, 0, 0, 0, null);
  }

  public DealSpec withSectorExpiration(Long epoch) {
    return new DealSpec(maxPiece, maxPieceSize, minPiece, minPieceSize, minUsedSpace, startEpoch, endEpoch, epoch);
  }
}
