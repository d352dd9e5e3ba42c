package venus.market.p2p.protobuf;

import venus.market.p2p.P2pException;

/** Malformed protobuf from a peer: truncated field, bad wire type, length out of bounds. */
public class ProtobufException extends P2pException {

  public ProtobufException(String message) {
    super(message);
  }

  public ProtobufException(String message, Throwable cause) {
    super(message, cause);
  }
}
