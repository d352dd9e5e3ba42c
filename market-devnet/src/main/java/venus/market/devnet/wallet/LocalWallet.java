package venus.market.devnet.wallet;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import venus.market.core.address.Address;
import venus.market.core.crypto.KeyInfo;
import venus.market.core.crypto.SigType;
import venus.market.core.crypto.Signature;
import venus.market.core.wallet.KeyPair;
import venus.market.devnet.DevnetException;
import venus.market.devnet.store.Column;
import venus.market.devnet.store.KvStore;

/**
 * The devnet repo's wallet: lotus KeyInfo per key address in the WALLET column, plus the default
 * address. Keys are stored unencrypted: this is a dev chain's wallet, never use it for real funds.
 */
public final class LocalWallet {
  /** Key under which the default address lives (address bytes never start with 0xff). */
  private static final byte[] DEFAULT_KEY = {(byte) 0xff};
  private final KvStore store;
  private final SecureRandom random;

  public LocalWallet(KvStore store, SecureRandom random) {
    this.store = store;
    this.random = random;
  }

  public synchronized Address newKey(SigType type) {
    return importKey(KeyPair.generate(type, random).toKeyInfo());
  }

  public synchronized Address importKey(KeyInfo key) {
    Address a = KeyPair.fromKeyInfo(key).address();
    store.commit(new KvStore.Batch().put(Column.WALLET, a.bytes(), key.toJson().getBytes(StandardCharsets.UTF_8)));
    if (defaultAddress().isEmpty()) {
      setDefault(a);
    }
    return a;
  }

  public Optional<KeyInfo> export(Address a) {
    return store.get(Column.WALLET, a.bytes())
        .map(b -> KeyInfo.fromJson(new String(b, StandardCharsets.UTF_8)));
  }

  public boolean has(Address a) {
    return store.get(Column.WALLET, a.bytes()).isPresent();
  }

  public List<Address> list() {
    List<Address> out = new ArrayList<>();
    store.forEach(Column.WALLET, (k, v) -> {
      if (k.length != 1 || k[0] != DEFAULT_KEY[0]) {
        out.add(Address.fromBytes(k));
      }
    });
    return out;
  }

  public Optional<Address> defaultAddress() {
    return store.get(Column.WALLET, DEFAULT_KEY).map(Address::fromBytes);
  }

  public void setDefault(Address a) {
    if (!has(a)) {
      throw new DevnetException("address " + a + " is not in the devnet wallet");
    }
    store.commit(new KvStore.Batch().put(Column.WALLET, DEFAULT_KEY, a.bytes()));
  }

  public void delete(Address a) {
    store.commit(new KvStore.Batch().delete(Column.WALLET, a.bytes()));
  }

  /** Signs raw bytes (chain messages: the message CID bytes; deals: the proposal CBOR). */
  public Signature sign(Address a, byte[] data) {
    KeyInfo key = export(a).orElseThrow(() -> new DevnetException("key not found for " + a));
    return KeyPair.fromKeyInfo(key).sign(data);
  }
}
