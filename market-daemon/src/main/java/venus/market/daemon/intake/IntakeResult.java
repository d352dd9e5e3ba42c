package venus.market.daemon.intake;

import java.util.Objects;
import venus.market.core.multiformats.Cid;

/**
 * The answer to a proposal: accepted, or rejected with the reason the client sees.
 *
 * @param recorded whether the deal is in the deal store (accepted deals always are; rejections when the proposal
 *     was for one of our miners and signed by its client)
 */
public record IntakeResult(Cid proposalCid, boolean accepted, String message, boolean recorded) {
  public IntakeResult {
    Objects.requireNonNull(proposalCid, "proposalCid");
    Objects.requireNonNull(message, "message");
  }

  static IntakeResult accepted(Cid cid) {
    return new IntakeResult(cid, true, "", true);
  }

  static IntakeResult rejected(Cid cid, String why, boolean recorded) {
    return new IntakeResult(cid, false, why, recorded);
  }
}
