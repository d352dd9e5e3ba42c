package venus.market.p2p.noise;

import venus.market.p2p.P2pException;

/** The Noise handshake or a transport frame failed: bad MAC, bad length, wrong identity, signature mismatch. */
public class NoiseException extends P2pException {

  public NoiseException(String message) {
    super(message);
  }

  public NoiseException(String message, Throwable cause) {
    super(message, cause);
  }
}
