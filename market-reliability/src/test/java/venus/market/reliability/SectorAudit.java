package venus.market.reliability;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import venus.market.core.address.Address;
import venus.market.core.miner.DataActivationNotification;
import venus.market.core.miner.MinerMethods;
import venus.market.core.miner.PieceActivationManifest;
import venus.market.core.miner.PreCommitSectorBatchParams2;
import venus.market.core.miner.ProveCommitSectors3Params;
import venus.market.core.miner.SectorActivationManifest;
import venus.market.core.miner.SectorPreCommitInfo;

/**
 * Every PreCommitSectorBatch2 and ProveCommitSectors3 the chain executed for the miner, read from the (stopped)
 * devnet's own store: which sectors were pre-committed and proven, with what exit code, and which market deals each
 * proof activated (the manifest's notifications to f05). That is what proves "each deal sealed in exactly one sector".
 */
record SectorAudit(List<SectorMessage> messages) {
  /** One executed sector message: PreCommitSectorBatch2 or ProveCommitSectors3 ({@code method}). */
  record SectorMessage(long method, long height, long exitCode, List<Long> sectors, Map<Long, List<Long>> deals) {}

  static SectorAudit read(Path devnetRepo, Address miner, List<Long> dealIds) {
    List<SectorMessage> out = new ArrayList<>();
    ExecutedMessages.forEach(devnetRepo, (m, rec) -> {
      if (!m.message().to().equals(miner)) {
        return;
      }
      long method = m.message().method();
      if (method == MinerMethods.PRE_COMMIT_SECTOR_BATCH2) {
        List<Long> sectors = PreCommitSectorBatchParams2.decode(m.message().params()).sectors().stream()
            .map(SectorPreCommitInfo::sectorNumber).toList();
        out.add(new SectorMessage(method, rec.height(), rec.receipt().exitCode(), sectors, Map.of()));
      } else if (method == MinerMethods.PROVE_COMMIT_SECTORS3) {
        List<Long> sectors = new ArrayList<>();
        Map<Long, List<Long>> deals = new HashMap<>();
        for (SectorActivationManifest s : ProveCommitSectors3Params.decode(m.message().params())
            .sectorActivations()) {
          sectors.add(s.sectorNumber());
          deals.put(s.sectorNumber(), activated(s, dealIds));
        }
        out.add(new SectorMessage(method, rec.height(), rec.receipt().exitCode(), sectors, deals));
      }
    });
    return new SectorAudit(out);
  }

  /** Which of {@code dealIds} the sector's manifest notifies the market actor of. */
  private static List<Long> activated(SectorActivationManifest s, List<Long> dealIds) {
    List<Long> activated = new ArrayList<>();
    for (PieceActivationManifest p : s.pieces()) {
      for (DataActivationNotification n : p.notifications()) {
        for (long id : dealIds) {
          if (Arrays.equals(n.payload(), DataActivationNotification.marketDeal(id).payload())) {
            activated.add(id);
          }
        }
      }
    }
    return activated;
  }

  List<SectorMessage> of(long method) {
    return messages.stream().filter(m -> m.method() == method).toList();
  }

  /** Sectors of the executed, successful messages of {@code method}, each as often as it was done. */
  List<Long> sectorsDone(long method) {
    return of(method).stream().filter(m -> m.exitCode() == 0).flatMap(m -> m.sectors().stream()).toList();
  }

  /** Deal ID → the sectors whose successful proof activated it (one entry per activation). */
  Map<Long, List<Long>> activations() {
    Map<Long, List<Long>> out = new HashMap<>();
    for (SectorMessage m : of(MinerMethods.PROVE_COMMIT_SECTORS3)) {
      if (m.exitCode() == 0) {
        m.deals().forEach((sector, ids) -> ids.forEach(id -> out.computeIfAbsent(id, k -> new ArrayList<>())
            .add(sector)));
      }
    }
    return out;
  }
}
