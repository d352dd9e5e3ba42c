package venus.market.devnet.rpc;

import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import venus.market.core.address.Address;
import venus.market.core.address.Protocol;
import venus.market.core.wallet.SignatureVerifier;
import venus.market.devnet.DevnetOptions;
import venus.market.devnet.chain.ChainEngine;
import venus.market.core.amount.TokenAmount;
import venus.market.core.chain.SignedMessage;
import venus.market.core.chain.UnsignedMessage;
import venus.market.devnet.state.ActorKind;
import venus.market.devnet.state.ActorRecord;
import venus.market.devnet.vm.GasSchedule;
import venus.market.devnet.vm.MessageEnvelope;
import venus.market.devnet.wallet.LocalWallet;

/**
 * What the API handlers share: the chain, the wallet and the operations several namespaces need
 * (address resolution, filling gas and nonce, signing and pushing messages).
 */
public final class NodeServices {
  private final ChainEngine chain;
  private final LocalWallet wallet;
  private final DevnetOptions options;
  /** MarketReserveFunds bookkeeping (lotus keeps it in its fund manager, outside chain state). */
  private final Map<Address, BigInteger> reserved = new ConcurrentHashMap<>();

  public NodeServices(ChainEngine chain, LocalWallet wallet, DevnetOptions options) {
    this.chain = chain;
    this.wallet = wallet;
    this.options = options;
  }

  public ChainEngine chain() {
    return chain;
  }

  public LocalWallet wallet() {
    return wallet;
  }

  public DevnetOptions options() {
    return options;
  }

  public Map<Address, BigInteger> reserved() {
    return reserved;
  }

  /** The actor behind an address, if any. */
  public Optional<ActorRecord> actor(Address a) {
    return chain.read(s -> {
      Optional<Long> id = a.isId() ? Optional.of(a.id()).filter(i -> s.actors().get(i).isPresent())
          : s.lookupRobust(a.bytes());
      return id.flatMap(i -> s.actors().get(i));
    });
  }

  public ActorRecord requireActor(Address a) {
    return actor(a).orElseThrow(() -> new ApiException("actor not found: " + Json.addr(a)));
  }

  /** The f1/f3 address of an account (lotus StateAccountKey). */
  public Address keyAddress(Address a) {
    if (a.protocol() == Protocol.SECP256K1 || a.protocol() == Protocol.BLS) {
      return a;
    }
    ActorRecord r = requireActor(a);
    if (r.kind() != ActorKind.ACCOUNT || r.robustAddress() == null) {
      throw new ApiException("address " + Json.addr(a) + " is not an account actor with a key address");
    }
    return Address.fromBytes(r.robustAddress());
  }

  /** Fills zero gas fields as GasEstimateMessageGas does. */
  public static UnsignedMessage withEstimatedGas(UnsignedMessage m) {
    long limit = m.gasLimit() == 0 ? GasSchedule.estimateLimit(m.method(), m.params().length) : m.gasLimit();
    BigInteger premium = m.gasPremium().signum() == 0 ? GasSchedule.DEFAULT_PREMIUM : m.gasPremium().atto();
    BigInteger feeCap = m.gasFeeCap().signum() == 0 ? GasSchedule.estimateFeeCap(premium) : m.gasFeeCap().atto();
    return m.toBuilder().gasLimit(limit).gasFeeCap(TokenAmount.ofAtto(feeCap)).gasPremium(TokenAmount.ofAtto(premium))
        .build();
  }

  /** MpoolPushMessage: assigns the nonce, fills gas, signs with the wallet key and pushes. */
  public synchronized SignedMessage signAndPush(UnsignedMessage m) {
    if (m.nonce() != 0) {
      throw new ApiException("MpoolPushMessage expects message nonce to be 0, was " + m.nonce());
    }
    Address key = keyAddress(m.from());
    if (!wallet.has(key)) {
      throw new ApiException("key not found for " + Json.addr(key) + " in the devnet wallet");
    }
    UnsignedMessage filled = withEstimatedGas(m).toBuilder().nonce(chain.nextNonce(m.from().bytes())).build();
    SignedMessage s = new SignedMessage(filled, wallet.sign(key, filled.cid().bytes()));
    chain.push(envelope(s));
    return s;
  }

  /** MpoolPush: checks the signature against the sender's key address and pushes. */
  public void push(SignedMessage s) {
    Address key = keyAddress(s.message().from());
    if (!SignatureVerifier.verify(s.signature(), key, s.message().cid().bytes())) {
      throw new ApiException("message signature invalid for sender " + Json.addr(key));
    }
    chain.push(envelope(s));
  }

  public static MessageEnvelope envelope(SignedMessage s) {
    UnsignedMessage m = s.message();
    return new MessageEnvelope(s.cid().bytes(), m.cid().bytes(), m.from().bytes(), m.to().bytes(), m.nonce(),
        m.value().atto(), m.gasLimit(), m.gasFeeCap().atto(), m.gasPremium().atto(), m.method(), m.params(),
        s.toCbor());
  }
}
