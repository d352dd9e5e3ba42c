package venus.market.p2p.mux;

import venus.market.p2p.P2pException;

/** A stream multiplexer (yamux, mplex) protocol violation by the peer, or a local stream error. */
public class MuxException extends P2pException {

  public MuxException(String message) {
    super(message);
  }

  public MuxException(String message, Throwable cause) {
    super(message, cause);
  }
}
