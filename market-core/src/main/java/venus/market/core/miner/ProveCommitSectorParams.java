package venus.market.core.miner;

import java.util.Arrays;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;

/**
 * Params of the legacy ProveCommitSector (method 7): tuple {@code [SectorNumber, Proof]}. Current builtin-actors no
 * longer dispatch method 7; use {@link ProveCommitSectors3Params}. Kept to read old messages.
 */
public record ProveCommitSectorParams(long sectorNumber, byte[] proof) implements CborEncodable {

  public ProveCommitSectorParams {
    proof = proof.clone();
  }

  @Override
  public byte[] proof() {
    return proof.clone();
  }

  @Override
  public void writeCbor(CborWriter w) {
    w.writeArrayHeader(2);
    w.writeUint64(sectorNumber);
    w.writeBytes(proof);
  }

  public static ProveCommitSectorParams read(CborReader r) {
    r.readTupleHeader("ProveCommitSectorParams", 2);
    return new ProveCommitSectorParams(r.readUint64(), r.readBytes());
  }

  public static ProveCommitSectorParams decode(byte[] cbor) {
    return CborReader.decode(cbor, ProveCommitSectorParams::read);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProveCommitSectorParams p && p.sectorNumber == sectorNumber && Arrays.equals(p.proof, proof);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(sectorNumber) * 31 + Arrays.hashCode(proof);
  }

  @Override
  public String toString() {
    return "ProveCommitSectorParams[sectorNumber=" + sectorNumber + ", proof=" + proof.length + " bytes]";
  }
}
