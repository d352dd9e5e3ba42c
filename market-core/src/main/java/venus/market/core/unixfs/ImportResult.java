package venus.market.core.unixfs;

import venus.market.core.multiformats.Cid;

/** The root of an imported file and the number of file bytes under it. */
public record ImportResult(Cid root, long fileSize) {
}
