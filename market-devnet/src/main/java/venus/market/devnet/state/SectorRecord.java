package venus.market.devnet.state;

import java.util.ArrayList;
import java.util.List;

/**
 * A sector of a miner: pre-committed (activation -1) or proven. CIDs are kept as binary CIDs;
 * {@code unsealedCid} is the commD the pre-commit declared, null when the sector has no deals.
 */
public record SectorRecord(
    long minerId,
    long number,
    long sealProof,
    byte[] sealedCid,
    byte[] unsealedCid,
    List<Long> dealIds,
    long sealRandEpoch,
    long expiration,
    long preCommitEpoch,
    long activation) {
  private static final int VERSION = 1;

  public SectorRecord {
    dealIds = List.copyOf(dealIds);
  }

  public boolean isProven() {
    return activation >= 0;
  }

  public SectorRecord activatedAt(long epoch) {
    return new SectorRecord(
        minerId, number, sealProof, sealedCid, unsealedCid, dealIds, sealRandEpoch, expiration,
        preCommitEpoch, epoch);
  }

  public static byte[] key(long minerId, long number) {
    return java.nio.ByteBuffer.allocate(16).putLong(minerId).putLong(number).array();
  }

  public byte[] encode() {
    Bin.Writer w =
        new Bin.Writer()
            .u8(VERSION)
            .i64(minerId)
            .i64(number)
            .i64(sealProof)
            .bytes(sealedCid)
            .bytes(unsealedCid)
            .i64(dealIds.size());
    dealIds.forEach(w::i64);
    return w.i64(sealRandEpoch).i64(expiration).i64(preCommitEpoch).i64(activation).toBytes();
  }

  public static SectorRecord decode(byte[] data) {
    Bin.Reader r = new Bin.Reader(data, "sector").expectVersion(VERSION);
    long miner = r.i64();
    long number = r.i64();
    long proof = r.i64();
    byte[] sealed = r.bytes();
    byte[] unsealed = r.bytes();
    int n = MinerRecord.boundedCount(r.i64(), data.length);
    List<Long> deals = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      deals.add(r.i64());
    }
    return new SectorRecord(
        miner, number, proof, sealed, unsealed, deals, r.i64(), r.i64(), r.i64(), r.i64());
  }
}
