package venus.market.p2p.multistream;

import venus.market.p2p.P2pException;

/** multistream-select failed: malformed message, wrong header, or no protocol in common. */
public class MultistreamException extends P2pException {

  public MultistreamException(String message) {
    super(message);
  }
}
