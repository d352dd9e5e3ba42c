package venus.market.core.unixfs;

import venus.market.core.multiformats.Cid;

/** A dag-pb link: target CID, name ("" in files), and Tsize (bytes of the whole subtree it points to). */
public record PbLink(Cid hash, String name, long tsize) {
}
