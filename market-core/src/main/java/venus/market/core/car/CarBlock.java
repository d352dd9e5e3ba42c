package venus.market.core.car;

import venus.market.core.multiformats.Cid;

/**
 * One section of a CARv1: a block and its CID. {@code offset} is where the section (its length varint) starts in
 * the file, and {@code dataOffset} the same position relative to the inner CARv1 (what a CARv2 index records).
 */
public record CarBlock(Cid cid, byte[] data, long offset, long dataOffset) {
}
