package venus.market.daemon.transfer;

import java.io.IOException;

/**
 * The deal's staging file could not be written (a full disk, a quota, an I/O error): unlike a dropped connection,
 * fetching again does not help, so the pull stops at once instead of retrying.
 */
final class StagingWriteException extends IOException {
  StagingWriteException(String message, IOException cause) {
    super(message, cause);
  }
}
