package venus.market.client.wallet;

import venus.market.client.node.ChainNode;
import venus.market.core.address.Address;
import venus.market.core.crypto.Signature;

/** The full node's wallet ({@code Filecoin.WalletSign} on the node the daemon uses): the default. */
public final class NodeWalletSigner implements ClientSigner {
  private final ChainNode node;

  public NodeWalletSigner(ChainNode node) {
    this.node = node;
  }

  @Override
  public Signature sign(Address key, byte[] data, String meta, byte[] extra) {
    return node.walletSign(key, data);
  }

  @Override
  public boolean has(Address key) {
    return node.walletHas(key);
  }

  @Override
  public boolean isNodeWallet() {
    return true;
  }

  @Override
  public String describe() {
    return "the node's wallet";
  }
}
