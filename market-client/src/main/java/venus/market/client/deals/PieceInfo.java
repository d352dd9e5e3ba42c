package venus.market.client.deals;

import venus.market.core.multiformats.Cid;

/**
 * What a deal needs to know about its data (lotus DataCIDSize): the CAR providers download, its commP, the padded
 * piece size and the payload (CAR) size.
 */
public record PieceInfo(Cid root, String carPath, Cid pieceCid, long paddedSize, long payloadSize) {}
