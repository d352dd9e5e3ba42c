package venus.market.daemon.net;

import java.util.List;
import venus.market.daemon.api.ApiJson;

/** What the API needs from the libp2p host: identity, listen addresses and connected peers. */
public interface P2pNode {
  /** Base58 peer id. */
  String peerId();

  /** Listen addresses as multiaddr text, without /p2p. */
  List<String> listenAddrs();

  List<ApiJson.AddrInfo> peers();
}
