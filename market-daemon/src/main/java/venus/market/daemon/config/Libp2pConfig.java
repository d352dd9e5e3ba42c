package venus.market.daemon.config;

import java.util.List;
import java.util.Objects;
import venus.market.p2p.host.InboundLimits;

/**
 * {@code [Libp2p]}: the market's libp2p host (ask, deal and status protocols).
 *
 * @param privateKey hex of the protobuf-encoded libp2p private key; "" means the key generated in the
 *     repo ({@code keystore/libp2p.key}), which keeps the peer id stable across restarts
 * @param inboundLimits what one address or peer may hold of the host ({@code MaxHandshakesPerAddress} ...
 *     {@code LimitLoopback}, {@code MaxBufferedBytes*}; market-p2p README, "Limits and deadlines")
 */
public record Libp2pConfig(
    List<String> listenAddresses, List<String> announceAddresses, List<String> noAnnounceAddresses,
    String privateKey, InboundLimits inboundLimits) {

  public Libp2pConfig {
    listenAddresses = List.copyOf(listenAddresses);
    announceAddresses = List.copyOf(announceAddresses);
    noAnnounceAddresses = List.copyOf(noAnnounceAddresses);
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(inboundLimits, "inboundLimits");
  }

  /** With the default inbound limits. */
  public Libp2pConfig(List<String> listenAddresses, List<String> announceAddresses, List<String> noAnnounceAddresses,
      String privateKey) {
    this(listenAddresses, announceAddresses, noAnnounceAddresses, privateKey, InboundLimits.defaults());
  }

  public Libp2pConfig withInboundLimits(InboundLimits limits) {
    return new Libp2pConfig(listenAddresses, announceAddresses, noAnnounceAddresses, privateKey, limits);
  }

  public static Libp2pConfig defaults() {
    return new Libp2pConfig(List.of("/ip4/0.0.0.0/tcp/58418", "/ip6/::/tcp/0"), List.of(), List.of(), "");
  }

  @Override
  public String toString() {
    return "Libp2pConfig[listenAddresses=" + listenAddresses + ", announceAddresses=" + announceAddresses
        + ", noAnnounceAddresses=" + noAnnounceAddresses + ", privateKey=" + Redact.secret(privateKey)
        + ", inboundLimits=" + inboundLimits + "]";
  }
}
