package venus.market.devnet.state;

/** (miner id, sector number), ordered by miner then number. */
public record SectorKey(long minerId, long number) implements Comparable<SectorKey> {
  @Override
  public int compareTo(SectorKey o) {
    int c = Long.compare(minerId, o.minerId);
    return c != 0 ? c : Long.compare(number, o.number);
  }

  public byte[] encode() {
    return SectorRecord.key(minerId, number);
  }

  public static SectorKey decode(byte[] key) {
    if (key.length != 16) {
      throw new venus.market.devnet.DevnetException("corrupt sector key of " + key.length + " bytes");
    }
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(key);
    return new SectorKey(b.getLong(), b.getLong());
  }
}
