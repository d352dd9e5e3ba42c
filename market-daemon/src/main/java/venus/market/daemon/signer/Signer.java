package venus.market.daemon.signer;

import venus.market.core.address.Address;
import venus.market.core.crypto.Signature;

/** Signs with a key the market does not hold: the node's wallet or venus-wallet. */
public interface Signer {
  /**
   * @param key a key address (f1/f3), never an ID address
   * @param meta what is being signed; venus-wallet checks it against the bytes
   */
  Signature sign(Address key, byte[] data, SignMeta meta);

  boolean has(Address key);

  /** venus-wallet's {@code MsgMeta}: the kind of payload, and for chain messages the CBOR message. */
  record SignMeta(String type, byte[] extra) {
    public static final String STORAGE_ASK = "storageask";
    public static final String DEAL_PROPOSAL = "dealproposal";
    public static final String PROVIDER_DEAL_STATE = "providerdealstate";
    public static final String NETWORK_RESPONSE = "networkresposne"; // sic, as venus-wallet spells it

    public static SignMeta of(String type) {
      return new SignMeta(type, null);
    }
  }
}
