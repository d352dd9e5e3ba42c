package venus.market.client.wallet;

import venus.market.core.address.Address;
import venus.market.core.crypto.Signature;

/**
 * Signs for the client address: deal proposals, status requests and (when the node cannot) chain messages. Three
 * kinds: the full node's wallet, a separate wallet API (venus-wallet / lotus-wallet) and a keystore in the repo.
 */
public interface ClientSigner {
  /** venus-wallet's MsgMeta types the client uses. */
  String META_DEAL_PROPOSAL = "dealproposal";
  String META_MESSAGE = "message";
  String META_UNKNOWN = "unknown";

  /**
   * @param key an f1/f3 key address
   * @param meta venus-wallet's MsgMeta type (wallets that check it compare it with the bytes)
   * @param extra the CBOR chain message for {@link #META_MESSAGE}, else null
   */
  Signature sign(Address key, byte[] data, String meta, byte[] extra);

  boolean has(Address key);

  /** True when the full node's wallet holds the keys, so the node can sign and push messages itself. */
  boolean isNodeWallet();

  /** Where the keys are, for messages: "the node wallet", "the wallet at …", "the local keystore …". */
  String describe();
}
