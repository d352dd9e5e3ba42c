package venus.market.client.data;

import venus.market.core.multiformats.Cid;

/**
 * What lotus {@code client commP} reports: the piece CID (v1, {@code baga…}) and the piece size. The size lotus
 * prints and a deal's {@code --manual-piece-size} takes is the UNPADDED one (4064 for a 4 KiB piece).
 */
public record CommPResult(Cid pieceCid, long unpaddedSize, long paddedSize) {
}
