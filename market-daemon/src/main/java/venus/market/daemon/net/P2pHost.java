package venus.market.daemon.net;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import venus.market.daemon.api.ApiJson;
import venus.market.daemon.config.Libp2pConfig;
import venus.market.daemon.repo.Repo;
import venus.market.p2p.StreamHandler;
import venus.market.p2p.crypto.HostKeyFile;
import venus.market.p2p.crypto.KeyProtobuf;
import venus.market.p2p.crypto.PrivKey;
import venus.market.p2p.host.Connection;
import venus.market.p2p.host.Host;
import venus.market.p2p.host.HostConfig;
import venus.market.p2p.multiaddr.Multiaddr;

/**
 * The market's libp2p host: identity from {@code [Libp2p] PrivateKey} or the repo's key file (created
 * once, so the peer id registered on chain stays valid), listening on {@code [Libp2p] ListenAddresses}.
 */
public final class P2pHost implements P2pNode, AutoCloseable {
  public static final String AGENT = "venus-market-java/0.1.0";

  private final Host host;
  private final Libp2pConfig config;

  private P2pHost(Host host, Libp2pConfig config) {
    this.host = host;
    this.config = config;
  }

  public static P2pHost start(Repo repo, Libp2pConfig cfg) throws IOException {
    PrivKey key = cfg.privateKey().isEmpty() ? HostKeyFile.loadOrCreate(repo.libp2pKeyFile())
        : KeyProtobuf.decodePrivate(HexFormat.of().parseHex(cfg.privateKey()));
    List<Multiaddr> listen = new ArrayList<>();
    for (String a : cfg.listenAddresses()) {
      listen.add(Multiaddr.parse(a));
    }
    Host host = new Host(HostConfig.defaults(key).withListenAddrs(listen).withAgentVersion(AGENT)
        .withInboundLimits(cfg.inboundLimits()));
    try {
      host.start();
    } catch (IOException | RuntimeException e) {
      host.close();
      throw e;
    }
    return new P2pHost(host, cfg);
  }

  public Host host() {
    return host;
  }

  public void handle(String protocol, StreamHandler handler) {
    host.setStreamHandler(protocol, handler);
  }

  @Override
  public String peerId() {
    return host.peerId().toString();
  }

  /**
   * The announce addresses if configured, else the bound addresses with wildcards (0.0.0.0, ::)
   * expanded to this machine's interface addresses, minus NoAnnounceAddresses.
   */
  @Override
  public List<String> listenAddrs() {
    if (!config.announceAddresses().isEmpty()) {
      return config.announceAddresses();
    }
    List<String> out = new ArrayList<>();
    for (Multiaddr bound : host.listenAddrs()) {
      for (String a : expand(bound)) {
        if (!config.noAnnounceAddresses().contains(a) && !out.contains(a)) {
          out.add(a);
        }
      }
    }
    return out;
  }

  @Override
  public List<ApiJson.AddrInfo> peers() {
    List<ApiJson.AddrInfo> out = new ArrayList<>();
    for (Connection c : host.connections()) {
      out.add(new ApiJson.AddrInfo(c.remotePeer().toString(), List.of(c.remoteAddr().toString())));
    }
    return out;
  }

  private static List<String> expand(Multiaddr bound) {
    InetSocketAddress sa;
    try {
      sa = bound.toTcpSocketAddress();
    } catch (java.net.UnknownHostException e) {
      return List.of(bound.toString());
    }
    if (!sa.getAddress().isAnyLocalAddress()) {
      return List.of(bound.toString());
    }
    boolean v6 = sa.getAddress() instanceof Inet6Address;
    List<String> out = new ArrayList<>();
    try {
      for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!ni.isUp()) {
          continue;
        }
        for (InetAddress ia : Collections.list(ni.getInetAddresses())) {
          boolean match = v6 ? ia instanceof Inet6Address && !ia.isLinkLocalAddress() : ia instanceof Inet4Address;
          if (match) {
            out.add(Multiaddr.tcp(new InetSocketAddress(ia, sa.getPort())).toString());
          }
        }
      }
    } catch (SocketException e) {
      return List.of(bound.toString());
    }
    out.sort((a, b) -> Boolean.compare(!a.contains("/127.0.0.1/") && !a.contains("/::1/"),
        !b.contains("/127.0.0.1/") && !b.contains("/::1/")));
    return out.isEmpty() ? List.of(bound.toString()) : out;
  }

  @Override
  public void close() {
    host.close();
  }
}
