package venus.market.core.unixfs;

import java.util.List;
import venus.market.core.car.CarException;
import venus.market.core.car.CborLinks;
import venus.market.core.car.LinkDecoder;
import venus.market.core.multiformats.Cid;
import venus.market.core.multiformats.Multicodec;

/** Links of raw (none), dag-pb (its PBLinks, in order) and dag-cbor (every tag-42 CID, in document order) blocks. */
public final class IpldLinks implements LinkDecoder {

  @Override
  public List<Cid> links(Cid cid, byte[] data) {
    long codec = cid.codec();
    try {
      if (codec == Multicodec.RAW) {
        return List.of();
      }
      if (codec == Multicodec.DAG_PB) {
        return PbNode.decode(data).links().stream().map(PbLink::hash).toList();
      }
      if (codec == Multicodec.DAG_CBOR) {
        return CborLinks.of(data);
      }
    } catch (UnixFsException | CarException e) {
      throw new CarException("block " + cid + " is not valid " + Multicodec.name(codec) + ": " + e.getMessage(), e);
    }
    throw new CarException("block " + cid + " has codec " + Multicodec.name(codec)
        + "; only raw, dag-pb and dag-cbor can be walked");
  }
}
