package venus.market.daemon.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.core.MarketException;
import venus.market.core.address.Address;
import venus.market.core.address.Protocol;
import venus.market.core.amount.TokenAmount;
import venus.market.core.chain.SignedMessage;
import venus.market.core.chain.UnsignedMessage;
import venus.market.core.crypto.Signature;
import venus.market.core.json.LotusJson;
import venus.market.daemon.signer.Signer;

/**
 * Sends chain messages the way droplet does in solo mode (nonce, gas estimate, sign with the market's
 * {@link Signer}, {@code MpoolPush}) rather than through the node's {@code MpoolPushMessage}: the signed message and
 * its CID exist before anything reaches the pool, so a caller can persist them first and, after a crash, push the
 * very same message again instead of a second one (the publisher relies on this to never publish a deal twice).
 *
 * <p>Sends are serialised in this process so two messages from one address never get the same nonce. Messages the
 * node signs for other parts of the daemon ({@link MessageSender}) take nonces through the node and may still race
 * with these; both paths are rare per address.
 */
public final class ChainMessenger {
  private static final Logger LOG = LoggerFactory.getLogger(ChainMessenger.class);
  /** venus-wallet MsgMeta type of chain messages (Extra = the message CBOR). */
  public static final String META_MESSAGE = "message";

  private final NodeClient node;
  private final Signer signer;
  private final ObjectMapper json = LotusJson.mapper();

  public ChainMessenger(NodeClient node, Signer signer) {
    this.node = node;
    this.signer = signer;
  }

  /**
   * Builds, signs and pushes a message; {@code beforePush} runs with the signed message before it is pushed (persist
   * it there). {@code maxFee} caps GasFeeCap × GasLimit (0 = no cap, the node's default).
   */
  public synchronized SignedMessage send(Address from, Address to, TokenAmount value, long method, byte[] params,
      BigInteger maxFee, Consumer<SignedMessage> beforePush) {
    SignedMessage signed = sign(from, to, value, method, params, maxFee);
    beforePush.accept(signed);
    push(signed);
    return signed;
  }

  /** Pushes a message signed earlier; pushing the same message twice is harmless (same nonce, same CID). */
  public String push(SignedMessage signed) {
    String cid = node.mpoolPush(json.valueToTree(signed));
    UnsignedMessage m = signed.message();
    LOG.info("message pushed cid={} from={} to={} method={} nonce={}", cid, m.from(), m.to(), m.method(), m.nonce());
    return cid;
  }

  private SignedMessage sign(Address from, Address to, TokenAmount value, long method, byte[] params,
      BigInteger maxFee) {
    Address key = from.protocol() == Protocol.ID ? node.stateAccountKey(from) : from;
    UnsignedMessage draft = UnsignedMessage.builder().from(key).to(to).value(value).method(method)
        .params(params == null ? new byte[0] : params).nonce(node.mpoolGetNonce(key)).build();
    JsonNode estimated = node.gasEstimateMessageGas(json.valueToTree(draft), maxFee);
    UnsignedMessage withGas;
    try {
      withGas = json.treeToValue(estimated, UnsignedMessage.class);
    } catch (java.io.IOException e) {
      throw new MarketException("the node's GasEstimateMessageGas answer is not a message: " + e.getMessage(), e);
    }
    UnsignedMessage msg = capFee(draft.toBuilder().gasLimit(withGas.gasLimit()).gasFeeCap(withGas.gasFeeCap())
        .gasPremium(withGas.gasPremium()).build(), maxFee);
    Signature sig = signer.sign(key, msg.cid().bytes(), new Signer.SignMeta(META_MESSAGE, msg.toCbor()));
    return new SignedMessage(msg, sig);
  }

  /**
   * lotus capGasFee: when GasFeeCap × GasLimit exceeds {@code maxFee}, lower the fee cap to maxFee / GasLimit and
   * the premium to at most the fee cap.
   */
  static UnsignedMessage capFee(UnsignedMessage m, BigInteger maxFee) {
    if (maxFee.signum() == 0 || m.gasLimit() <= 0) {
      return m;
    }
    BigInteger limit = BigInteger.valueOf(m.gasLimit());
    if (m.gasFeeCap().atto().multiply(limit).compareTo(maxFee) <= 0) {
      return m;
    }
    BigInteger feeCap = maxFee.divide(limit);
    BigInteger premium = m.gasPremium().atto().min(feeCap);
    return m.toBuilder().gasFeeCap(TokenAmount.ofAtto(feeCap)).gasPremium(TokenAmount.ofAtto(premium)).build();
  }
}
