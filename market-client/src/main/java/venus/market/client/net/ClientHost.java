package venus.market.client.net;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import venus.market.client.config.ClientConfig;
import venus.market.p2p.crypto.HostKeyFile;
import venus.market.p2p.crypto.KeyProtobuf;
import venus.market.p2p.crypto.PrivKey;
import venus.market.p2p.host.Host;
import venus.market.p2p.host.HostConfig;
import venus.market.p2p.multiaddr.Multiaddr;

/**
 * The client's libp2p host. It only dials (asks, deal proposals, status queries); the identity is kept in the repo so
 * providers see the same peer across restarts.
 */
public final class ClientHost implements AutoCloseable {
  public static final String AGENT = "market-client-java/0.1.0";

  private final Host host;

  private ClientHost(Host host) {
    this.host = host;
  }

  public static ClientHost start(Path keyFile, ClientConfig.Libp2p cfg) throws IOException {
    PrivKey key = cfg.privateKey().isEmpty() ? HostKeyFile.loadOrCreate(keyFile)
        : KeyProtobuf.decodePrivate(HexFormat.of().parseHex(cfg.privateKey()));
    List<Multiaddr> listen = new ArrayList<>();
    for (String a : cfg.listenAddresses()) {
      listen.add(Multiaddr.parse(a));
    }
    Host host = new Host(HostConfig.defaults(key).withListenAddrs(listen).withAgentVersion(AGENT));
    try {
      host.start();
    } catch (IOException | RuntimeException e) {
      host.close();
      throw e;
    }
    return new ClientHost(host);
  }

  public Host host() {
    return host;
  }

  public String peerId() {
    return host.peerId().toString();
  }

  @Override
  public void close() {
    host.close();
  }
}
