package venus.market.p2p.protocol;

import java.util.ArrayList;
import java.util.List;
import venus.market.p2p.crypto.KeyException;
import venus.market.p2p.crypto.KeyProtobuf;
import venus.market.p2p.crypto.PubKey;
import venus.market.p2p.multiaddr.Multiaddr;
import venus.market.p2p.multiaddr.MultiaddrException;
import venus.market.p2p.protobuf.ProtoReader;
import venus.market.p2p.protobuf.ProtoWriter;
import venus.market.p2p.protobuf.ProtobufException;

/**
 * The {@code /ipfs/id/1.0.0} message. Addresses in protocols this node does not know (webrtc, …) are skipped, not
 * fatal: they are the peer's business. {@code publicKey} and {@code observedAddr} may be null.
 */
public record IdentifyInfo(String protocolVersion, String agentVersion, PubKey publicKey, List<Multiaddr> listenAddrs,
    Multiaddr observedAddr, List<String> protocols) {

  public static final String PROTOCOL_ID = "/ipfs/id/1.0.0";
  private static final int MAX_REPEATED = 512;

  public byte[] encode() {
    ProtoWriter w = new ProtoWriter();
    w.string(5, protocolVersion).string(6, agentVersion);
    if (publicKey != null) {
      w.bytes(1, publicKey.bytes());
    }
    for (Multiaddr a : listenAddrs) {
      w.bytes(2, a.bytes());
    }
    if (observedAddr != null) {
      w.bytes(4, observedAddr.bytes());
    }
    for (String p : protocols) {
      w.string(3, p);
    }
    return w.toByteArray();
  }

  /** Decodes one message, or several concatenated by the sender (their fields merge, as in protobuf). */
  public static IdentifyInfo decode(byte[] bytes) {
    String pv = "";
    String av = "";
    PubKey key = null;
    List<Multiaddr> addrs = new ArrayList<>();
    Multiaddr observed = null;
    List<String> protos = new ArrayList<>();
    try {
      ProtoReader r = new ProtoReader(bytes);
      while (r.next()) {
        switch (r.field()) {
          case 1 -> key = KeyProtobuf.decodePublic(r.bytes());
          case 2 -> addIfKnown(addrs, r.bytes());
          case 3 -> {
            String p = r.string();
            if (protos.size() < MAX_REPEATED) {
              protos.add(p);
            }
          }
          case 4 -> observed = parseOrNull(r.bytes());
          case 5 -> pv = r.string();
          case 6 -> av = r.string();
          default -> r.skip();
        }
      }
    } catch (ProtobufException | KeyException e) {
      throw new ProtobufException("malformed identify message: " + e.getMessage(), e);
    }
    return new IdentifyInfo(pv, av, key, List.copyOf(addrs), observed, List.copyOf(protos));
  }

  private static void addIfKnown(List<Multiaddr> out, byte[] b) {
    Multiaddr m = parseOrNull(b);
    if (m != null && out.size() < MAX_REPEATED) {
      out.add(m);
    }
  }

  private static Multiaddr parseOrNull(byte[] b) {
    try {
      return Multiaddr.fromBytes(b);
    } catch (MultiaddrException e) {
      return null;
    }
  }
}
