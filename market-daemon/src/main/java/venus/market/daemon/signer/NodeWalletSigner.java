package venus.market.daemon.signer;

import venus.market.core.address.Address;
import venus.market.core.crypto.Signature;
import venus.market.daemon.node.NodeClient;

/** Signs through the full node's own wallet ({@code WalletSign}); the node must hold the worker key. */
public final class NodeWalletSigner implements Signer {
  private final NodeClient node;

  public NodeWalletSigner(NodeClient node) {
    this.node = node;
  }

  @Override
  public Signature sign(Address key, byte[] data, SignMeta meta) {
    return node.walletSign(key, data);
  }

  @Override
  public boolean has(Address key) {
    return node.walletHas(key);
  }
}
