package venus.market.daemon.node;

import java.math.BigInteger;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.core.address.Address;

/**
 * Sends chain messages through the node's {@code MpoolPushMessage} (the node fills nonce and gas and
 * signs with the sender's key) and waits for them with {@code StateWaitMsg}.
 */
public final class MessageSender {
  private static final Logger LOG = LoggerFactory.getLogger(MessageSender.class);

  private final NodeClient node;

  public MessageSender(NodeClient node) {
    this.node = node;
  }

  /** Pushes a message and returns its CID (as text). {@code maxFee} 0 = the node's default cap. */
  public String push(Address from, Address to, long method, byte[] params, long gasLimit, BigInteger maxFee) {
    NodeJson.Message msg = NodeJson.Message.call(from.toString(), to.toString(), method,
        params == null || params.length == 0 ? null : Base64.getEncoder().encodeToString(params), gasLimit);
    return push(msg, maxFee);
  }

  public String push(NodeJson.Message msg, BigInteger maxFee) {
    NodeJson.SendSpec spec = maxFee.signum() == 0 ? null : new NodeJson.SendSpec(maxFee.toString());
    NodeJson.SignedMessage signed = node.mpoolPushMessage(msg, spec);
    String cid = signed.cid().cid();
    LOG.info("message pushed cid={} from={} to={} method={}", cid, msg.from(), msg.to(), msg.method());
    return cid;
  }

  public NodeJson.MsgLookup waitFor(String cid, long confidence) {
    NodeJson.MsgLookup lookup = node.stateWaitMsg(cid, confidence);
    LOG.info("message on chain cid={} height={} exit={}", cid, lookup.height(), lookup.receipt().exitCode());
    return lookup;
  }
}
