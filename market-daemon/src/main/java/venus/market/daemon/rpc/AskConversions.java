package venus.market.daemon.rpc;

import java.util.Base64;
import venus.market.core.crypto.Signature;
import venus.market.core.storagemarket.SignedStorageAsk;
import venus.market.core.storagemarket.StorageAsk;
import venus.market.daemon.api.ApiJson;

/** Core ask types to their API JSON shape. */
final class AskConversions {
  private AskConversions() {}

  static ApiJson.SignedStorageAsk json(SignedStorageAsk s) {
    StorageAsk a = s.ask();
    ApiJson.StorageAsk ask = new ApiJson.StorageAsk(a.price().atto().toString(), a.verifiedPrice().atto().toString(),
        a.minPieceSize(), a.maxPieceSize(), a.miner().toString(), a.timestamp(), a.expiry(), a.seqNo());
    return new ApiJson.SignedStorageAsk(ask, signature(s.signature()));
  }

  static ApiJson.Signature signature(Signature sig) {
    return sig == null ? null : new ApiJson.Signature(sig.type().code(), Base64.getEncoder().encodeToString(sig.data()));
  }
}
