package venus.market.p2p.multiaddr;

import io.netty.util.NetUtil;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import venus.market.core.MarketException;
import venus.market.core.multiformats.Varint;
import venus.market.p2p.peer.PeerId;

/**
 * A multiaddr such as {@code /ip4/127.0.0.1/tcp/1234/p2p/12D3KooW…}: immutable list of (protocol, value) pairs
 * with the string form and the binary form ({@code uvarint(code) ‖ value} per component).
 */
public final class Multiaddr {

  /** Bounds untrusted binary input; a decoded address must also fit both forms' limits (see {@link #withinLimits}). */
  public static final int MAX_BYTES = 1024;
  /** Bounds untrusted string input. */
  public static final int MAX_STRING_LENGTH = MAX_BYTES * 2;
  private static final int MAX_NAME = 255;

  /** One protocol and its raw binary value (empty for protocols without a value). */
  public record Component(Protocol protocol, byte[] value) {
    public String valueString() {
      return switch (protocol) {
        case IP4, IP6 -> NetUtil.bytesToIpAddress(value);
        case TCP, UDP -> Integer.toString(((value[0] & 0xff) << 8) | (value[1] & 0xff));
        case P2P -> PeerId.fromBytes(value).toString();
        case DNS, DNS4, DNS6, DNSADDR -> new String(value, StandardCharsets.UTF_8);
        default -> "";
      };
    }
  }

  private final List<Component> components;
  private final byte[] bytes;

  private Multiaddr(List<Component> components) {
    this.components = List.copyOf(components);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Component c : components) {
      out.writeBytes(Varint.encode(c.protocol().code()));
      if (c.protocol().kind() == Protocol.Kind.VARIABLE) {
        out.writeBytes(Varint.encode(c.value().length));
      }
      out.writeBytes(c.value());
    }
    this.bytes = out.toByteArray();
  }

  public static Multiaddr parse(String text) {
    if (text.length() > MAX_STRING_LENGTH || !text.startsWith("/")) {
      throw new MultiaddrException("multiaddr \"" + abbreviate(text) + "\" must start with '/' and be at most "
          + MAX_STRING_LENGTH + " characters");
    }
    String[] parts = text.substring(1).split("/", -1);
    List<Component> out = new ArrayList<>();
    int i = 0;
    if (parts.length == 1 && parts[0].isEmpty()) {
      throw new MultiaddrException("empty multiaddr \"/\"");
    }
    while (i < parts.length) {
      if (parts[i].isEmpty() && i == parts.length - 1) {
        break; // tolerate one trailing slash
      }
      Protocol p = Protocol.byName(parts[i++]);
      if (p.kind() == Protocol.Kind.NONE) {
        out.add(new Component(p, new byte[0]));
        continue;
      }
      if (i >= parts.length || parts[i].isEmpty()) {
        throw new MultiaddrException("multiaddr \"" + abbreviate(text) + "\": /" + p.protocolName() + " needs a value");
      }
      out.add(new Component(p, valueFromString(p, parts[i++])));
    }
    return withinLimits(new Multiaddr(out));
  }

  public static Multiaddr fromBytes(byte[] bytes) {
    if (bytes.length == 0 || bytes.length > MAX_BYTES) {
      throw new MultiaddrException("binary multiaddr of " + bytes.length + " bytes (must be 1.." + MAX_BYTES + ")");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    List<Component> out = new ArrayList<>();
    try {
      while (in.hasRemaining()) {
        int at = in.position();
        Protocol p = Protocol.byCode(Varint.read(in));
        int len = switch (p.kind()) {
          case FIXED -> p.size();
          case NONE -> 0;
          case VARIABLE -> (int) Math.min(Varint.read(in), Integer.MAX_VALUE);
        };
        if (len > in.remaining()) {
          throw new MultiaddrException("binary multiaddr: /" + p.protocolName() + " at offset " + at + " needs " + len
              + " bytes, " + in.remaining() + " remain");
        }
        byte[] v = new byte[len];
        in.get(v);
        validate(p, v);
        out.add(new Component(p, v));
      }
    } catch (MultiaddrException e) {
      throw e;
    } catch (MarketException e) {
      throw new MultiaddrException("malformed binary multiaddr: " + e.getMessage(), e);
    }
    return withinLimits(new Multiaddr(out));
  }

  /**
   * Refuses an address whose other form breaks that form's limit, so every accepted address converts both ways: 1,024
   * bytes of /tcp components print as over 3,000 characters, and 2,048 characters of "/ip6/::" encode to over 4,900
   * bytes (both found by fuzzing).
   */
  private static Multiaddr withinLimits(Multiaddr m) {
    if (m.bytes.length > MAX_BYTES) {
      throw new MultiaddrException("multiaddr encodes to " + m.bytes.length + " bytes (at most " + MAX_BYTES + ")");
    }
    int textLength = m.toString().length();
    if (textLength > MAX_STRING_LENGTH) {
      throw new MultiaddrException("multiaddr prints as " + textLength + " characters (at most " + MAX_STRING_LENGTH
          + ")");
    }
    return m;
  }

  public static Multiaddr tcp(InetSocketAddress address) {
    byte[] ip = address.getAddress().getAddress();
    Protocol p = ip.length == 4 ? Protocol.IP4 : Protocol.IP6;
    int port = address.getPort();
    return new Multiaddr(List.of(new Component(p, ip), new Component(Protocol.TCP, new byte[] {(byte) (port >> 8), (byte) port})));
  }

  public List<Component> components() {
    return components;
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  public Optional<Component> first(Protocol p) {
    return components.stream().filter(c -> c.protocol() == p).findFirst();
  }

  public boolean has(Protocol p) {
    return first(p).isPresent();
  }

  /** The peer ID of the last /p2p component, if any. */
  public Optional<PeerId> peerId() {
    for (int i = components.size() - 1; i >= 0; i--) {
      if (components.get(i).protocol() == Protocol.P2P) {
        return Optional.of(PeerId.fromBytes(components.get(i).value()));
      }
    }
    return Optional.empty();
  }

  /** This address without a trailing /p2p component. */
  public Multiaddr withoutPeerId() {
    if (!components.isEmpty() && components.get(components.size() - 1).protocol() == Protocol.P2P) {
      return new Multiaddr(components.subList(0, components.size() - 1));
    }
    return this;
  }

  public Multiaddr withPeerId(PeerId id) {
    List<Component> out = new ArrayList<>(withoutPeerId().components);
    out.add(new Component(Protocol.P2P, id.bytes()));
    return new Multiaddr(out);
  }

  /**
   * The TCP dial target of an {@code /ip4|ip6|dns|dns4|dns6/…/tcp/…} address; DNS names are resolved here
   * (dns4 → IPv4 only, dns6 → IPv6 only). Blocking; call off the event loop.
   */
  public InetSocketAddress toTcpSocketAddress() throws UnknownHostException {
    if (components.size() < 2 || components.get(1).protocol() != Protocol.TCP) {
      throw new MultiaddrException("not a TCP multiaddr: " + this);
    }
    Component host = components.get(0);
    int port = Integer.parseInt(components.get(1).valueString());
    InetAddress addr = switch (host.protocol()) {
      case IP4, IP6 -> InetAddress.getByAddress(host.value());
      case DNS, DNS4, DNS6 -> resolve(host);
      default -> throw new MultiaddrException("cannot dial TCP to /" + host.protocol().protocolName() + " in " + this);
    };
    return new InetSocketAddress(addr, port);
  }

  private static InetAddress resolve(Component host) throws UnknownHostException {
    String name = host.valueString();
    for (InetAddress a : InetAddress.getAllByName(name)) {
      boolean v4 = a.getAddress().length == 4;
      if (host.protocol() == Protocol.DNS || (host.protocol() == Protocol.DNS4) == v4) {
        return a;
      }
    }
    throw new UnknownHostException(name + " has no " + (host.protocol() == Protocol.DNS4 ? "IPv4" : "IPv6") + " address");
  }

  private static byte[] valueFromString(Protocol p, String s) {
    switch (p) {
      case IP4 -> {
        byte[] b = s.indexOf(':') < 0 ? NetUtil.createByteArrayFromIpAddressString(s) : null;
        if (b == null || b.length != 4) {
          throw new MultiaddrException("invalid IPv4 address \"" + abbreviate(s) + "\"");
        }
        return b;
      }
      case IP6 -> {
        byte[] b = s.indexOf(':') >= 0 ? NetUtil.createByteArrayFromIpAddressString(s) : null;
        if (b == null || b.length != 16) {
          throw new MultiaddrException("invalid IPv6 address \"" + abbreviate(s) + "\"");
        }
        return b;
      }
      case TCP, UDP -> {
        int port;
        try {
          port = Integer.parseInt(s);
        } catch (NumberFormatException e) {
          port = -1;
        }
        if (port < 0 || port > 65535 || !s.matches("[0-9]+")) {
          throw new MultiaddrException("invalid " + p.protocolName() + " port \"" + abbreviate(s) + "\"");
        }
        return new byte[] {(byte) (port >> 8), (byte) port};
      }
      case P2P -> {
        try {
          return PeerId.parse(s).bytes();
        } catch (MarketException e) {
          throw new MultiaddrException("invalid /p2p value: " + e.getMessage(), e);
        }
      }
      default -> {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        validate(p, b);
        return b;
      }
    }
  }

  private static void validate(Protocol p, byte[] v) {
    switch (p) {
      case DNS, DNS4, DNS6, DNSADDR -> {
        if (v.length == 0 || v.length > MAX_NAME) {
          throw new MultiaddrException("/" + p.protocolName() + " name must be 1.." + MAX_NAME + " bytes, got " + v.length);
        }
        for (byte b : v) {
          if (b == '/' || b < 0x21) {
            throw new MultiaddrException("/" + p.protocolName() + " name contains an invalid character");
          }
        }
      }
      case P2P -> {
        try {
          PeerId.fromBytes(v);
        } catch (MarketException e) {
          throw new MultiaddrException("invalid /p2p value: " + e.getMessage(), e);
        }
      }
      default -> { }
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "…";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Multiaddr m && Arrays.equals(bytes, m.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Component c : components) {
      sb.append('/').append(c.protocol().protocolName());
      if (c.protocol().kind() != Protocol.Kind.NONE) {
        sb.append('/').append(c.valueString());
      }
    }
    return sb.toString();
  }
}
