package venus.market.daemon.piecestore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.OptionalLong;
import venus.market.core.multiformats.Cid;

/**
 * Where deal pieces live once verified (the CAR bytes, unpadded, named by piece CID) so the sealer can read them:
 * a directory shared with the sealer, or an S3 bucket. Writes are atomic: a reader never sees a partial piece,
 * and a crash during a write leaves nothing under the piece's name.
 */
public interface PieceStore extends AutoCloseable {
  /** The store's name from config (for logs and errors). */
  String name();

  /** True for a store configured {@code ReadOnly = true}: reads only, {@link #create} refuses. */
  default boolean readOnly() {
    return false;
  }

  /** The piece's size in bytes, or empty if the store does not have it. */
  OptionalLong size(Cid pieceCid) throws IOException;

  default boolean has(Cid pieceCid) throws IOException {
    return size(pieceCid).isPresent();
  }

  /**
   * Reads the piece from {@code offset} (range reads for the sealer and the piece HTTP endpoint).
   *
   * @throws PieceNotFoundException if the store does not have it
   */
  InputStream open(Cid pieceCid, long offset) throws IOException;

  /** Starts an atomic write of the piece: nothing is visible under its name until {@link PieceWriter#commit()}. */
  PieceWriter create(Cid pieceCid) throws IOException;

  /** Stores a complete local file as the piece atomically (a staged online transfer). The file is left in place. */
  void putFile(Cid pieceCid, Path file) throws IOException;

  /** Where the piece is, for the deal's PiecePath and the sealer: a file path or an s3:// URL. */
  String location(Cid pieceCid);

  @Override
  void close();
}
