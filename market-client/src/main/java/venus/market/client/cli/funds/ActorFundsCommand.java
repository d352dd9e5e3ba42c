package venus.market.client.cli.funds;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import venus.market.client.cli.ClientCli;
import venus.market.client.cli.daemon.DaemonApi;
import venus.market.client.rpc.ApiTypes;
import venus.market.core.address.Address;
import venus.market.core.amount.TokenAmount;
import venus.market.core.multiformats.Cid;

/** {@code actor-funds}: the client's escrow in the market actor. */
@Command(name = "actor-funds", mixinStandardHelpOptions = true, description = "Manage market actor funds.",
    subcommands = {ActorFundsCommand.Balances.class, ActorFundsCommand.Add.class, ActorFundsCommand.Withdraw.class})
public final class ActorFundsCommand {

  static DaemonApi api(CommandSpec spec) throws java.io.IOException {
    return DaemonApi.connect(((ClientCli) spec.root().userObject()).repo());
  }

  @Command(name = "balances", mixinStandardHelpOptions = true, description = "Print the client's market balance.")
  static final class Balances implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--client", paramLabel = "<address>", description = "default: the daemon's client address")
    String client;

    @Override
    public Integer call() throws Exception {
      DaemonApi api = api(spec);
      Address a = client != null ? Address.parse(client) : api.defaultAddress();
      ApiTypes.Balance b = api.marketBalance(a);
      PrintWriter out = spec.commandLine().getOut();
      out.println("Client Market Balance for address " + a + ":");
      out.println("  Escrowed Funds:        " + b.escrow());
      out.println("  Locked Funds:          " + b.locked());
      out.println("  Reserved Funds:        " + TokenAmount.ZERO);
      out.println("  Available to Withdraw: " + b.available());
      out.flush();
      return 0;
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Add funds to the market actor escrow (AddBalance message).")
  static final class Add implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<amount>", description = "FIL, e.g. 100fil")
    String amount;

    @Option(names = {"-f", "--from"}, paramLabel = "<address>", description = "paying wallet (default: client)")
    String from;

    @Option(names = {"-a", "--address"}, paramLabel = "<address>", description = "escrow credited (default: --from)")
    String address;

    @Override
    public Integer call() throws Exception {
      DaemonApi api = api(spec);
      Address wallet = from != null ? Address.parse(from) : api.defaultAddress();
      Address to = address != null ? Address.parse(address) : wallet;
      TokenAmount amt = TokenAmount.parse(amount);
      PrintWriter out = spec.commandLine().getOut();
      out.println("Submitting Add Balance message for amount " + amt + " for address " + to);
      out.flush();
      Cid c = api.addBalance(wallet, to, amt);
      out.println("AddBalance message cid: " + c);
      out.flush();
      return 0;
    }
  }

  @Command(name = "withdraw", mixinStandardHelpOptions = true,
      description = "Withdraw available escrow (WithdrawBalance message); default amount: all available.")
  static final class Withdraw implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<amount>", description = "FIL (default: all available)")
    String amount;

    @Option(names = "--wallet", paramLabel = "<address>", description = "wallet receiving the funds (default: client)")
    String wallet;

    @Option(names = "--address", paramLabel = "<address>", description = "escrow to withdraw from (default: wallet)")
    String address;

    @Override
    public Integer call() throws Exception {
      DaemonApi api = api(spec);
      Address w = wallet != null ? Address.parse(wallet) : api.defaultAddress();
      Cid c = api.withdraw(w, address != null ? Address.parse(address) : w,
          amount == null ? null : TokenAmount.parse(amount));
      spec.commandLine().getOut().println("WithdrawBalance message cid: " + c);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
