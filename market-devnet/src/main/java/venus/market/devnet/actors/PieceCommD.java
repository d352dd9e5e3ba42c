package venus.market.devnet.actors;

import java.util.ArrayList;
import java.util.List;
import venus.market.core.multiformats.Cid;
import venus.market.core.piece.PaddedPieceSize;
import venus.market.core.piece.PieceCid;
import venus.market.core.piece.PieceCommitment;
import venus.market.core.piece.UnsealedCommitment;

/** commD of a sector from its deals' pieces, with market-core's piece package (as lotus/ffi do). */
public final class PieceCommD implements UnsealedCidCalculator {
  @Override
  public byte[] compute(long sectorSize, List<PieceRef> pieces) {
    List<PieceCommitment> commitments = new ArrayList<>();
    for (PieceRef p : pieces) {
      commitments.add(new PieceCommitment(PieceCid.root(Cid.decode(p.pieceCid())), new PaddedPieceSize(p.paddedSize())));
    }
    return PieceCid.v1(UnsealedCommitment.of(commitments, new PaddedPieceSize(sectorSize))).bytes();
  }
}
