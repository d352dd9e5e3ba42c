package venus.market.core.car;

import java.util.List;
import venus.market.core.multiformats.Cid;

/** Extracts the CIDs a block links to, according to its codec. */
@FunctionalInterface
public interface LinkDecoder {

  /** @throws CarException if the block cannot be decoded with its CID's codec */
  List<Cid> links(Cid cid, byte[] data);
}
