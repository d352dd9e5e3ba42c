package venus.market.devnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import venus.market.core.amount.TokenAmount;

/** {@code market-devnet send <to> <amount>}: funds an address from the wallet (default: the faucet). */
@Command(name = "send", description = "Send FIL to an address and wait for it to be on chain.")
final class SendCommand implements Callable<Integer> {
  @Mixin RepoOption repo;

  @Option(names = "--from", description = "sender (default: the wallet default, the genesis faucet)")
  String from;

  @Parameters(index = "0", description = "recipient address")
  String to;

  @Parameters(index = "1", description = "amount, lotus syntax: '10', '0.5 FIL', '1000 attofil'")
  String amount;

  @Override
  public Integer call() {
    NodeClient node = NodeClient.of(repo.path());
    String sender = from != null ? from : node.call("WalletDefaultAddress").asText();
    ObjectNode msg = JsonNodeFactory.instance.objectNode();
    msg.put("Version", 0).put("To", to).put("From", sender).put("Nonce", 0)
        .put("Value", TokenAmount.parse(amount).atto().toString()).put("GasLimit", 0)
        .put("GasFeeCap", "0").put("GasPremium", "0").put("Method", 0);
    msg.putNull("Params");
    JsonNode signed = node.call("MpoolPushMessage", msg, null);
    JsonNode cid = signed.get("CID");
    JsonNode lookup = node.call("StateWaitMsg", cid, 1, -1, true);
    System.out.println(cid.get("/").asText() + " exit code " + lookup.get("Receipt").get("ExitCode").asInt());
    return 0;
  }
}
