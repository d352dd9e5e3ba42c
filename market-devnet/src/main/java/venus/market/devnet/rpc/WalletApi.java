package venus.market.devnet.rpc;

import static venus.market.devnet.rpc.ChainStateApi.addr;
import static venus.market.devnet.rpc.ChainStateApi.arg;
import static venus.market.devnet.rpc.ChainStateApi.types;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import venus.market.core.address.Address;
import venus.market.core.crypto.KeyInfo;
import venus.market.core.crypto.SigType;
import venus.market.core.jsonrpc.Permission;
import venus.market.core.jsonrpc.RpcRegistry;
import venus.market.core.chain.UnsignedMessage;

/**
 * A venus-wallet compatible signing API (venus-shared api/wallet IWallet, namespace "Filecoin"):
 * WalletSign takes {@code [signer, toSign, MsgMeta]}. For MsgMeta type "message" the Extra bytes
 * must be the CBOR of the unsigned message whose CID is {@code toSign}, as venus-wallet checks
 * before signing; other types sign {@code toSign} as given.
 */
public final class WalletApi {
  static final String MT_CHAIN_MSG = "message";
  private final NodeServices node;

  public WalletApi(NodeServices node) {
    this.node = node;
  }

  public void register(RpcRegistry.Namespace ns) {
    ns.method("Version", Permission.READ, List.of(), c -> Json.obj()
        .put("Version", "1.0.0+venus-market-devnet-wallet").put("APIVersion", 0x010000).put("BlockDelay", 0)
        .put("Agent", "venus-market-devnet"));
    ns.method("WalletNew", Permission.ADMIN, types(1),
        c -> Json.addr(node.wallet().newKey(SigType.fromKeyType(arg(c, 0).asText()))));
    ns.method("WalletHas", Permission.WRITE, types(1), c -> node.wallet().has(addr(c, 0)));
    ns.method("WalletList", Permission.WRITE, List.of(), c -> {
      ArrayNode a = Json.arr();
      node.wallet().list().forEach(x -> a.add(Json.addr(x)));
      return a;
    });
    ns.method("WalletSign", Permission.SIGN, types(3), c -> {
      Address signer = addr(c, 0);
      byte[] toSign = Json.parseBytes(arg(c, 1), "toSign");
      checkMeta(arg(c, 2), toSign);
      if (!node.wallet().has(signer)) {
        throw new ApiException("key not found for " + Json.addr(signer));
      }
      return Json.signature(node.wallet().sign(signer, toSign));
    });
    ns.method("WalletExport", Permission.ADMIN, types(2), c -> {
      KeyInfo k = node.wallet().export(addr(c, 0))
          .orElseThrow(() -> new ApiException("key not found for " + arg(c, 0).asText()));
      return Json.obj().put("Type", k.type().keyType()).put("PrivateKey", Base64.getEncoder().encodeToString(k.privateKey()));
    });
    ns.method("WalletImport", Permission.ADMIN, types(1),
        c -> Json.addr(node.wallet().importKey(KeyInfo.fromJson(arg(c, 0).toString()))));
    ns.method("WalletDelete", Permission.ADMIN, types(2), c -> {
      node.wallet().delete(addr(c, 0));
      return null;
    });
  }

  private static void checkMeta(JsonNode meta, byte[] toSign) {
    if (meta == null || meta.isNull()) {
      return;
    }
    String type = meta.path("Type").asText("");
    if (MT_CHAIN_MSG.equals(type)) {
      byte[] extra = Json.parseBytes(meta.get("Extra"), "MsgMeta.Extra");
      byte[] cid;
      try {
        cid = UnsignedMessage.fromCbor(extra).cid().bytes();
      } catch (RuntimeException e) {
        throw new ApiException("MsgMeta.Extra is not a CBOR chain message: " + e.getMessage());
      }
      if (!Arrays.equals(cid, toSign)) {
        throw new ApiException("toSign is not the CID of the message in MsgMeta.Extra");
      }
    }
  }
}
