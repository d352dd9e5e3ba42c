package venus.market.daemon.piecestore;

import java.io.IOException;
import java.io.OutputStream;

/**
 * One piece being written. Write through {@link #out()}, then {@link #commit()} (the piece appears whole under its
 * name) or {@link #abort()} (everything written is removed). Closing without commit aborts.
 */
public interface PieceWriter extends AutoCloseable {
  OutputStream out();

  /** Makes the piece visible atomically (rename / complete the multipart upload); returns its location. */
  String commit() throws IOException;

  void abort();

  @Override
  void close();
}
