package venus.market.devnet.state;

import java.util.ArrayList;
import java.util.List;

/**
 * Miner actor info (the part of lotus MinerInfo the devnet models). Owner, worker and control
 * addresses are account actor ids. {@code pendingWorker} is -1 when no worker change is pending.
 * The devnet applies worker changes immediately (no WorkerKeyChangeDelay): it is a dev chain.
 */
public record MinerRecord(
    long id,
    long owner,
    long worker,
    List<Long> controls,
    byte[] peerId,
    List<byte[]> multiaddrs,
    long sectorSize,
    long sealProofType,
    long windowPostProofType) {
  private static final int VERSION = 1;

  public MinerRecord {
    controls = List.copyOf(controls);
    multiaddrs = List.copyOf(multiaddrs);
  }

  public MinerRecord withPeerId(byte[] newPeerId) {
    return new MinerRecord(
        id, owner, worker, controls, newPeerId, multiaddrs, sectorSize, sealProofType,
        windowPostProofType);
  }

  public MinerRecord withMultiaddrs(List<byte[]> addrs) {
    return new MinerRecord(
        id, owner, worker, controls, peerId, addrs, sectorSize, sealProofType, windowPostProofType);
  }

  public MinerRecord withWorker(long newWorker, List<Long> newControls) {
    return new MinerRecord(
        id, owner, newWorker, newControls, peerId, multiaddrs, sectorSize, sealProofType,
        windowPostProofType);
  }

  /** True when {@code caller} may act as this miner's worker (worker or a control address). */
  public boolean isWorkerOrControl(long caller) {
    return caller == worker || controls.contains(caller);
  }

  public byte[] encode() {
    Bin.Writer w = new Bin.Writer().u8(VERSION).i64(id).i64(owner).i64(worker).i64(controls.size());
    controls.forEach(w::i64);
    w.bytes(peerId).i64(multiaddrs.size());
    multiaddrs.forEach(w::bytes);
    return w.i64(sectorSize).i64(sealProofType).i64(windowPostProofType).toBytes();
  }

  public static MinerRecord decode(byte[] data) {
    Bin.Reader r = new Bin.Reader(data, "miner").expectVersion(VERSION);
    long id = r.i64();
    long owner = r.i64();
    long worker = r.i64();
    int nc = boundedCount(r.i64(), data.length);
    List<Long> controls = new ArrayList<>();
    for (int i = 0; i < nc; i++) {
      controls.add(r.i64());
    }
    byte[] peerId = r.bytes();
    int na = boundedCount(r.i64(), data.length);
    List<byte[]> addrs = new ArrayList<>();
    for (int i = 0; i < na; i++) {
      addrs.add(r.bytes());
    }
    return new MinerRecord(id, owner, worker, controls, peerId, addrs, r.i64(), r.i64(), r.i64());
  }

  static int boundedCount(long n, int recordSize) {
    if (n < 0 || n > recordSize) {
      throw new venus.market.devnet.DevnetException("corrupt record: list length " + n);
    }
    return (int) n;
  }
}
