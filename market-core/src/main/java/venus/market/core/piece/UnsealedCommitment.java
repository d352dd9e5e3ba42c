package venus.market.core.piece;

import java.util.List;

/**
 * commD: the root of an unsealed sector holding pieces in order. As the sealer lays them out, each piece starts at
 * an offset that is a multiple of its own padded size; gaps, and the tail up to the sector size, are filled with
 * zero pieces.
 */
public final class UnsealedCommitment {

  private UnsealedCommitment() {
  }

  public static PieceCommitment of(List<PieceCommitment> pieces, PaddedPieceSize sectorSize) {
    SubtreeStack stack = new SubtreeStack();
    long offset = 0;
    for (int i = 0; i < pieces.size(); i++) {
      PieceCommitment p = pieces.get(i);
      long size = p.size().bytes();
      long aligned = (offset + size - 1) / size * size;
      if (aligned + size > sectorSize.bytes()) {
        throw new PieceException("piece " + i + " (" + p + ") at padded offset " + aligned
            + " does not fit a sector of " + sectorSize.bytes() + " bytes");
      }
      offset = fillZeros(stack, offset, aligned);
      stack.add(p.root(), p.size().treeHeight());
      offset += size;
    }
    return new PieceCommitment(stack.finishAt(sectorSize.treeHeight()), sectorSize);
  }

  /** Adds zero pieces covering [from, to): the set bits of the gap, smallest first, so each stays aligned. */
  private static long fillZeros(SubtreeStack stack, long from, long to) {
    long offset = from;
    while (offset < to) {
      long size = Long.lowestOneBit(offset);
      while (offset + size > to || size == 0) {
        size = size == 0 ? Long.highestOneBit(to - offset) : size >>> 1;
      }
      int level = Long.numberOfTrailingZeros(size) - 5;
      stack.add(ZeroComm.shared(level), level);
      offset += size;
    }
    return offset;
  }
}
