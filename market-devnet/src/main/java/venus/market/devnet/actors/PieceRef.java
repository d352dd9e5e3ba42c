package venus.market.devnet.actors;

/** A deal's piece as the unsealed-sector commitment needs it: binary piece CID and padded size. */
public record PieceRef(byte[] pieceCid, long paddedSize) {}
