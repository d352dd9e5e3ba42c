package venus.market.p2p.multistream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import venus.market.p2p.P2pStream;

/** multistream-select on one muxed stream, blocking (runs on a worker thread). */
public final class MultistreamSelect {

  private static final int MAX_ATTEMPTS = 32;

  private MultistreamSelect() {}

  /** Dialer side: proposes {@code protocols} in order; returns the first the peer accepts. */
  public static String select(P2pStream s, List<String> protocols) throws IOException {
    if (protocols.isEmpty()) {
      throw new IllegalArgumentException("no protocols to propose");
    }
    ByteArrayOutputStream first = new ByteArrayOutputStream();
    first.writeBytes(Multistream.encode(Multistream.PROTOCOL_ID));
    first.writeBytes(Multistream.encode(protocols.get(0)));
    s.out().write(first.toByteArray());
    String header = Multistream.read(s.in());
    if (!header.equals(Multistream.PROTOCOL_ID)) {
      throw new MultistreamException("multistream: expected header, got \"" + header + "\"");
    }
    for (int i = 0; i < protocols.size(); i++) {
      if (i > 0) {
        s.out().write(Multistream.encode(protocols.get(i)));
      }
      String reply = Multistream.read(s.in());
      if (reply.equals(protocols.get(i))) {
        return reply;
      }
      if (!reply.equals(Multistream.NA)) {
        throw new MultistreamException("multistream: expected \"" + protocols.get(i) + "\" or \"na\", got \"" + reply + "\"");
      }
    }
    throw new MultistreamException("multistream: " + s.remotePeer() + " supports none of " + protocols);
  }

  /** Listener side: answers proposals until one is supported; returns it. */
  public static String listen(P2pStream s, Predicate<String> supported, Collection<String> all) throws IOException {
    s.out().write(Multistream.encode(Multistream.PROTOCOL_ID));
    String header = Multistream.read(s.in());
    if (!header.equals(Multistream.PROTOCOL_ID)) {
      throw new MultistreamException("multistream: expected header, got \"" + header + "\"");
    }
    for (int i = 0; i < MAX_ATTEMPTS; i++) {
      String proposal = Multistream.read(s.in());
      if (supported.test(proposal)) {
        s.out().write(Multistream.encode(proposal));
        return proposal;
      }
      if (proposal.equals(Multistream.LS)) {
        s.out().write(Multistream.encodeList(all));
      } else {
        s.out().write(Multistream.encode(Multistream.NA));
      }
    }
    throw new MultistreamException("multistream: peer made more than " + MAX_ATTEMPTS + " proposals");
  }
}
