package venus.market.devnet.rpc;

import static venus.market.devnet.rpc.ChainStateApi.addr;
import static venus.market.devnet.rpc.ChainStateApi.arg;
import static venus.market.devnet.rpc.ChainStateApi.types;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import venus.market.core.address.Address;
import venus.market.core.cbor.CborWriter;
import venus.market.core.crypto.KeyInfo;
import venus.market.core.crypto.SigType;
import venus.market.core.jsonrpc.JwtTokens;
import venus.market.core.jsonrpc.Permission;
import venus.market.core.jsonrpc.RpcCall;
import venus.market.core.jsonrpc.RpcRegistry;
import venus.market.core.market.MarketMethods;
import venus.market.core.wallet.SignatureVerifier;
import venus.market.devnet.actors.BuiltinIds;
import venus.market.core.amount.TokenAmount;
import venus.market.core.chain.SignedMessage;
import venus.market.core.chain.UnsignedMessage;
import venus.market.devnet.state.EscrowRecord;

/** Wallet*, Mpool*, Gas*, Market*, Auth* and Version methods. */
final class WalletMarketApi {
  /** Full node API v1 version (packed semver 2.3.0), as lotus reports it. */
  static final int API_VERSION = 0x020300;

  private final NodeServices node;
  private final JwtTokens tokens;

  WalletMarketApi(NodeServices node, JwtTokens tokens) {
    this.node = node;
    this.tokens = tokens;
  }

  void register(RpcRegistry.Namespace ns) {
    ns.method("Version", Permission.READ, List.of(), c -> Json.obj()
        .put("Version", "1.33.0+venus-market-devnet")
        .put("APIVersion", API_VERSION)
        .put("BlockDelay", node.options().blockDelaySecs())
        .put("Agent", "venus-market-devnet"));
    ns.method("AuthNew", Permission.ADMIN, types(1), c -> {
      Set<Permission> perms = EnumSet.noneOf(Permission.class);
      for (JsonNode p : arg(c, 0)) {
        perms.add(Permission.parse(p.asText()));
      }
      return Base64.getEncoder().encodeToString(tokens.createAllow(perms, null).getBytes(StandardCharsets.US_ASCII));
    });
    ns.method("AuthVerify", Permission.READ, types(1), c -> {
      ArrayNode a = Json.arr();
      tokens.verify(arg(c, 0).asText()).forEach(p -> a.add(p.wireName()));
      return a;
    });

    ns.method("WalletNew", Permission.WRITE, types(1), c -> Json.addr(node.wallet().newKey(SigType.fromKeyType(arg(c, 0).asText()))));
    ns.method("WalletList", Permission.WRITE, List.of(), c -> {
      ArrayNode a = Json.arr();
      node.wallet().list().forEach(x -> a.add(Json.addr(x)));
      return a;
    });
    ns.method("WalletHas", Permission.WRITE, types(1), c -> node.wallet().has(node.keyAddress(addr(c, 0))));
    ns.method("WalletBalance", Permission.READ, types(1),
        c -> Json.big(node.actor(addr(c, 0)).map(a -> a.balance()).orElse(BigInteger.ZERO)));
    ns.method("WalletDefaultAddress", Permission.WRITE, List.of(),
        c -> node.wallet().defaultAddress().map(Json::addr).orElse(null));
    ns.method("WalletSetDefault", Permission.WRITE, types(1), c -> {
      node.wallet().setDefault(addr(c, 0));
      return null;
    });
    ns.method("WalletSign", Permission.SIGN, types(2), c -> Json.signature(
        node.wallet().sign(node.keyAddress(addr(c, 0)), Json.parseBytes(arg(c, 1), "data"))));
    ns.method("WalletSignMessage", Permission.SIGN, types(2), c -> {
      UnsignedMessage m = Json.parseMessage(arg(c, 1));
      Address key = node.keyAddress(addr(c, 0));
      return Json.signedMessage(new SignedMessage(m, node.wallet().sign(key, m.cid().bytes())));
    });
    ns.method("WalletVerify", Permission.READ, types(3), c -> SignatureVerifier.verify(
        Json.parseSignature(arg(c, 2)), node.keyAddress(addr(c, 0)), Json.parseBytes(arg(c, 1), "data")));
    ns.method("WalletExport", Permission.ADMIN, types(1), c -> {
      KeyInfo k = node.wallet().export(node.keyAddress(addr(c, 0)))
          .orElseThrow(() -> new ApiException("key not found for " + arg(c, 0).asText()));
      return Json.obj().put("Type", k.type().keyType()).put("PrivateKey", Base64.getEncoder().encodeToString(k.privateKey()));
    });
    ns.method("WalletImport", Permission.ADMIN, types(1), c -> Json.addr(node.wallet().importKey(KeyInfo.fromJson(arg(c, 0).toString()))));
    ns.method("WalletDelete", Permission.ADMIN, types(1), c -> {
      node.wallet().delete(addr(c, 0));
      return null;
    });
    ns.method("WalletValidateAddress", Permission.READ, types(1), c -> Json.addr(Address.parse(arg(c, 0).asText())));

    ns.method("MpoolPushMessage", Permission.SIGN, types(2), c -> Json.signedMessage(node.signAndPush(Json.parseMessage(arg(c, 0)))));
    ns.method("MpoolPush", Permission.WRITE, types(1), c -> {
      SignedMessage s = Json.parseSignedMessage(arg(c, 0));
      node.push(s);
      return Json.cid(s.cid());
    });
    ns.method("MpoolGetNonce", Permission.READ, types(1), c -> node.chain().nextNonce(addr(c, 0).bytes()));
    ns.method("GasEstimateMessageGas", Permission.READ, types(3),
        c -> Json.message(NodeServices.withEstimatedGas(Json.parseMessage(arg(c, 0)))));

    ns.method("MarketAddBalance", Permission.SIGN, types(3), c -> addBalance(addr(c, 0), addr(c, 1), amount(c, 2)));
    ns.method("MarketWithdraw", Permission.SIGN, types(3), c -> {
      CborWriter w = new CborWriter().writeArrayHeader(2).writeBytes(addr(c, 1).bytes()).writeBigInt(amount(c, 2));
      return send(addr(c, 0), MarketMethods.WITHDRAW_BALANCE, BigInteger.ZERO, w.toByteArray());
    });
    ns.method("MarketReserveFunds", Permission.SIGN, types(3), this::reserveFunds);
    ns.method("MarketReleaseFunds", Permission.SIGN, types(2), c -> {
      node.reserved().computeIfPresent(addr(c, 0), (k, v) -> v.subtract(amount(c, 1)).max(BigInteger.ZERO));
      return null;
    });
    ns.method("MarketGetReserved", Permission.SIGN, types(1),
        c -> Json.big(node.reserved().getOrDefault(addr(c, 0), BigInteger.ZERO)));
  }

  private static BigInteger amount(RpcCall c, int i) {
    return Json.parseBig(arg(c, i), "amount");
  }

  private JsonNode addBalance(Address wallet, Address target, BigInteger amount) {
    byte[] params = new CborWriter().writeBytes(target.bytes()).toByteArray();
    return send(wallet, MarketMethods.ADD_BALANCE, amount, params);
  }

  private JsonNode send(Address from, long method, BigInteger value, byte[] params) {
    UnsignedMessage m = UnsignedMessage.builder().to(Address.newId(BuiltinIds.MARKET)).from(from)
        .value(TokenAmount.ofAtto(value)).method(method).params(params).build();
    return Json.cid(node.signAndPush(m).cid());
  }

  /**
   * lotus fund manager semantics, simplified: reserve {@code amount} more for {@code target}; if the
   * unlocked escrow does not cover everything reserved, send AddBalance for the difference and
   * return its CID, else return null.
   */
  private Object reserveFunds(RpcCall c) {
    Address wallet = addr(c, 0);
    Address target = addr(c, 1);
    BigInteger amount = amount(c, 2);
    BigInteger total = node.reserved().merge(target, amount, BigInteger::add);
    long id = node.requireActor(target).id();
    EscrowRecord e = node.chain().read(s -> s.escrowOf(id));
    BigInteger missing = total.subtract(e.available());
    if (missing.signum() <= 0) {
      return null;
    }
    return addBalance(wallet, target, missing);
  }
}
