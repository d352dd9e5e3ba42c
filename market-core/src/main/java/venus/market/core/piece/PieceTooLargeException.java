package venus.market.core.piece;

/** The payload does not fit the piece size the operator asked for (e.g. {@code --manual-piece-size}). */
public class PieceTooLargeException extends PieceException {

  public PieceTooLargeException(long payloadBytes, PaddedPieceSize needed, PaddedPieceSize target) {
    super("payload of " + payloadBytes + " bytes needs a piece of " + needed.bytes() + " padded bytes ("
        + needed.unpadded().bytes() + " unpadded), larger than the target piece size of " + target.bytes()
        + " padded bytes (" + target.unpadded().bytes() + " unpadded)");
  }
}
