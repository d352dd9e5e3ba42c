package venus.market.daemon.transfer;

import java.io.IOException;

/** Where one transfer's bytes come from: each call is one HTTP GET, from {@code offset} on (a Range request if > 0). */
interface PullSource extends AutoCloseable {
  /**
   * Sends the request and returns once the response head arrived. Reads of the body throw
   * {@link java.net.SocketTimeoutException} when nothing arrives for the stall timeout.
   *
   * @throws IOException when the request could not be sent or no response head came (retried)
   * @throws TransferFailedException when retrying cannot help (bad URL, unreachable protocol)
   */
  PullResponse get(long offset) throws IOException, TransferFailedException, InterruptedException;

  /** What this source fetches, for logs (no credentials). */
  String describe();

  /** Unblocks a running {@link #get} or body read (daemon shutdown). */
  @Override
  void close();
}
