package venus.market.client.imports;

import java.time.Instant;
import venus.market.core.multiformats.Cid;

/**
 * One local import, with the labels lotus keeps for it: source ("import"), the imported file path, the CAR that
 * holds its blocks (the user's CAR for {@code --car}; none yet for a plain file in local mode) and the root.
 *
 * @param carPath null when no CAR backs the import
 */
public record ImportRecord(long id, Cid root, String source, String filePath, long size, String carPath,
    Instant created) {
}
