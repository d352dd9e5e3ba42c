package venus.market.daemon.rpc;

import java.math.BigInteger;
import venus.market.core.jsonrpc.Permission;
import venus.market.core.jsonrpc.RpcRegistry;
import venus.market.daemon.api.ApiJson;
import venus.market.daemon.api.MarketApi;
import venus.market.daemon.node.MessageSender;
import venus.market.daemon.node.NodeClient;
import venus.market.daemon.node.NodeJson;

/** MessagerPushMessage (write), MessagerWaitMessage and MessagerGetMessage (read): solo mode uses the node's mpool. */
final class MessagerRpc {
  /** Epochs on top of the message before MessagerWaitMessage returns (lotus build.MessageConfidence). */
  static final long CONFIDENCE = 5;

  private MessagerRpc() {}

  static void register(RpcRegistry.Namespace ns, MessageSender sender, NodeClient node) {
    ns.<NodeJson.Message, NodeJson.SendSpec>method2(MarketApi.MESSAGER_PUSH_MESSAGE, Permission.WRITE,
        NodeJson.Message.class, NodeJson.SendSpec.class, (msg, spec) -> new ApiJson.CidJson(sender.push(msg,
            spec == null || spec.maxFee() == null ? BigInteger.ZERO : RpcParams.bigInt("MaxFee", spec.maxFee()))));
    ns.<ApiJson.CidJson>method1(MarketApi.MESSAGER_WAIT_MESSAGE, Permission.READ, ApiJson.CidJson.class,
        cid -> sender.waitFor(cid.cid(), CONFIDENCE));
    ns.<ApiJson.CidJson>method1(MarketApi.MESSAGER_GET_MESSAGE, Permission.READ, ApiJson.CidJson.class,
        cid -> node.chainGetMessage(cid.cid()));
    ns.method(MarketApi.CHAIN_HEAD, Permission.READ, call -> node.chainHead());
  }
}
