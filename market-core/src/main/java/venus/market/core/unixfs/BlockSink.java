package venus.market.core.unixfs;

import java.io.IOException;
import venus.market.core.multiformats.Cid;

/** Receives each block an import creates, children before parents. */
@FunctionalInterface
public interface BlockSink {

  /**
   * @param fileOffset where a raw leaf's bytes start in the imported file; -1 for dag-pb nodes
   */
  void put(Cid cid, byte[] block, int offset, int length, long fileOffset) throws IOException;
}
