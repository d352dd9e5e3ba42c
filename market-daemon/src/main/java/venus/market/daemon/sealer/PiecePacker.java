package venus.market.daemon.sealer;

import java.util.ArrayList;
import java.util.List;
import venus.market.daemon.deals.ProviderDeal;

/**
 * Lays deals out in a sector as sealers expect (droplet's pick-and-align): deals sorted by size ascending are placed
 * one after another, each at an offset that is a multiple of its own size; a gap is covered by zero "filler" pieces,
 * and so is the tail up to the sector size. The slots come back in sector order, fillers included.
 */
public final class PiecePacker {
  /** A deal (or a filler when {@code deal} is null) at padded {@code offset} with padded {@code size}. */
  public record Slot(long offset, long size, ProviderDeal deal) {
    public boolean isFiller() {
      return deal == null;
    }
  }

  private PiecePacker() {}

  /**
   * Packs {@code deals} (already filtered and sorted by piece size ascending) into a sector of {@code sectorSize}
   * padded bytes. Returns nothing when no deal fits, or fewer than {@code spec.minPiece} deals or
   * {@code spec.minUsedSpace} bytes would be packed.
   */
  public static List<Slot> pack(List<ProviderDeal> deals, long sectorSize, DealSpec spec) {
    requirePowerOfTwo("sector size", sectorSize);
    List<Slot> out = new ArrayList<>();
    long offset = 0;
    int picked = 0;
    long used = 0;
    for (int i = 0; i < deals.size(); ) {
      ProviderDeal d = deals.get(i);
      long size = d.proposal().proposal().pieceSize();
      requirePowerOfTwo("piece size of deal " + d.dealId(), size);
      if (spec.maxPiece() > 0 && picked >= spec.maxPiece()) {
        break;
      }
      long space = sectorSize - offset;
      if (size > space) {
        break;
      }
      long block = Long.lowestOneBit(space);
      if (size > block) {
        // The next aligned block is too small for this deal: cover it with zeros and look again.
        out.add(new Slot(offset, block, null));
        offset += block;
        continue;
      }
      out.add(new Slot(offset, size, d));
      offset += size;
      used += size;
      picked++;
      i++;
    }
    if (picked == 0 || picked < spec.minPiece() || used < spec.minUsedSpace()) {
      return List.of();
    }
    out.addAll(fillers(offset, sectorSize));
    return out;
  }

  /**
   * Zero pieces covering [from, to) with every piece aligned to its size: at each offset the largest aligned block
   * that fits (for the tail of a sector: one per set bit of the remainder, smallest first, as lotus's fillers).
   */
  public static List<Slot> fillers(long from, long to) {
    List<Slot> out = new ArrayList<>();
    long offset = from;
    while (offset < to) {
      long size = offset == 0 ? Long.highestOneBit(to) : Long.lowestOneBit(offset);
      while (offset + size > to) {
        size >>>= 1;
      }
      out.add(new Slot(offset, size, null));
      offset += size;
    }
    return out;
  }

  /** The slots of deals already placed (by offset), with fillers in the gaps and the tail, in sector order. */
  public static List<Slot> layout(List<Slot> placed, long sectorSize) {
    List<Slot> sorted = new ArrayList<>(placed);
    sorted.sort(java.util.Comparator.comparingLong(Slot::offset));
    List<Slot> out = new ArrayList<>();
    long offset = 0;
    for (Slot s : sorted) {
      if (s.offset() < offset || s.offset() % s.size() != 0) {
        throw new IllegalStateException("deal " + s.deal().dealId() + " at padded offset " + s.offset()
            + " overlaps the previous piece or is not aligned to its size " + s.size());
      }
      out.addAll(fillers(offset, s.offset()));
      out.add(s);
      offset = s.offset() + s.size();
    }
    out.addAll(fillers(offset, sectorSize));
    return out;
  }

  private static void requirePowerOfTwo(String what, long v) {
    if (v < 128 || Long.bitCount(v) != 1) {
      throw new IllegalArgumentException(what + " must be a power of two of at least 128 bytes, got " + v);
    }
  }
}
