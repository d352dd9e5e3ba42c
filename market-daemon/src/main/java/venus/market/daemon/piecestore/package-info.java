/**
 * Piece storage (filesystem and S3): verified deal data, by piece CID, shared with the sealer.
 */
package venus.market.daemon.piecestore;
