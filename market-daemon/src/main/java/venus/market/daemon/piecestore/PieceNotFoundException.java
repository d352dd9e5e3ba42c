package venus.market.daemon.piecestore;

import java.io.FileNotFoundException;
import venus.market.core.multiformats.Cid;

/** The piece store has no piece under this CID. */
public final class PieceNotFoundException extends FileNotFoundException {
  public PieceNotFoundException(String store, Cid pieceCid) {
    super("piece " + pieceCid + " is not in piece store " + store);
  }
}
