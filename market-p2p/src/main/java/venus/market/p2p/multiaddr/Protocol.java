package venus.market.p2p.multiaddr;

/** The multiaddr protocols this node understands, with their multicodec code and value encoding. */
public enum Protocol {
  IP4(0x04, "ip4", Kind.FIXED, 4),
  TCP(0x06, "tcp", Kind.FIXED, 2),
  UDP(0x0111, "udp", Kind.FIXED, 2),
  IP6(0x29, "ip6", Kind.FIXED, 16),
  DNS(0x35, "dns", Kind.VARIABLE, 0),
  DNS4(0x36, "dns4", Kind.VARIABLE, 0),
  DNS6(0x37, "dns6", Kind.VARIABLE, 0),
  DNSADDR(0x38, "dnsaddr", Kind.VARIABLE, 0),
  P2P(0x01a5, "p2p", Kind.VARIABLE, 0),
  P2P_CIRCUIT(0x0122, "p2p-circuit", Kind.NONE, 0),
  HTTP(0x01e0, "http", Kind.NONE, 0),
  HTTPS(0x01bb, "https", Kind.NONE, 0),
  TLS(0x01c0, "tls", Kind.NONE, 0),
  WS(0x01dd, "ws", Kind.NONE, 0),
  WSS(0x01de, "wss", Kind.NONE, 0),
  QUIC(0x01cc, "quic", Kind.NONE, 0),
  QUIC_V1(0x01cd, "quic-v1", Kind.NONE, 0);

  /** How the value is encoded in binary. */
  public enum Kind { FIXED, VARIABLE, NONE }

  private final int code;
  private final String name;
  private final Kind kind;
  private final int size;

  Protocol(int code, String name, Kind kind, int size) {
    this.code = code;
    this.name = name;
    this.kind = kind;
    this.size = size;
  }

  public int code() {
    return code;
  }

  public String protocolName() {
    return name;
  }

  public Kind kind() {
    return kind;
  }

  public int size() {
    return size;
  }

  public static Protocol byCode(long code) {
    for (Protocol p : values()) {
      if (p.code == code) {
        return p;
      }
    }
    throw new MultiaddrException("unsupported multiaddr protocol code 0x" + Long.toHexString(code));
  }

  public static Protocol byName(String name) {
    if (name.equals("ipfs")) {
      return P2P;
    }
    for (Protocol p : values()) {
      if (p.name.equals(name)) {
        return p;
      }
    }
    throw new MultiaddrException("unsupported multiaddr protocol \"" + name + "\"");
  }
}
