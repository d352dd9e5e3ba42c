package venus.market.client.wallet;

import venus.market.core.MarketException;
import venus.market.core.address.Address;
import venus.market.core.crypto.Signature;

/** Signs with keys in the repo's {@link LocalKeystore}: no wallet service needed, the node never sees the key. */
public final class LocalWalletSigner implements ClientSigner {
  private final LocalKeystore keys;

  public LocalWalletSigner(LocalKeystore keys) {
    this.keys = keys;
  }

  @Override
  public Signature sign(Address key, byte[] data, String meta, byte[] extra) {
    return keys.get(key).orElseThrow(() -> new MarketException("no key for " + key + " in the local keystore "
        + keys.dir() + ": import it with 'market-client wallet import <file with lotus wallet export output>'"))
        .sign(data);
  }

  @Override
  public boolean has(Address key) {
    return keys.get(key).isPresent();
  }

  @Override
  public boolean isNodeWallet() {
    return false;
  }

  @Override
  public String describe() {
    return "the local keystore " + keys.dir();
  }
}
