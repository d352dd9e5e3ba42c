package venus.market.p2p;

import java.io.IOException;

/**
 * Serves one protocol id. Runs on a worker thread, may block; the host resets the stream if this throws and
 * closes it when this returns.
 */
@FunctionalInterface
public interface StreamHandler {

  void handle(P2pStream stream) throws IOException;
}
