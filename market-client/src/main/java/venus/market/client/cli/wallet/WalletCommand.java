package venus.market.client.cli.wallet;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import venus.market.client.cli.ClientCli;
import venus.market.client.repo.ClientHome;
import venus.market.client.wallet.LocalKeystore;
import venus.market.core.MarketException;
import venus.market.core.crypto.SigType;
import venus.market.core.wallet.KeyPair;

/**
 * {@code wallet}: the local keystore the daemon signs with when started with {@code run --local-wallet}. Works
 * without the daemon; keys are files in {@code <repo>/keystore/wallet}, owner-only.
 */
@Command(name = "wallet", mixinStandardHelpOptions = true,
    description = "Local wallet (keys in <repo>/keystore/wallet; used by 'run --local-wallet')",
    subcommands = {WalletCommand.Import.class, WalletCommand.New.class, WalletCommand.ListKeys.class})
public final class WalletCommand {

  static LocalKeystore keystore(CommandSpec spec) throws java.io.IOException {
    return new LocalKeystore(ClientHome.open(((ClientCli) spec.root().userObject()).repo()).walletDir());
  }

  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Import a key as 'lotus wallet export' prints it (hex), from a file or stdin; prints its address")
  static final class Import implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "<file>", description = "file with the exported key (default: stdin)")
    Path file;

    @Override
    public Integer call() throws Exception {
      String hex;
      if (file == null || file.toString().equals("-")) {
        hex = ((ClientCli) spec.root().userObject()).input().readLine();
        if (hex == null) {
          throw new MarketException("no key on stdin: pipe in the output of 'lotus wallet export <address>'");
        }
      } else {
        hex = Files.readString(file);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println("imported key " + keystore(spec).importHex(hex));
      out.flush();
      return 0;
    }
  }

  @Command(name = "new", mixinStandardHelpOptions = true, description = "Create a key; prints its address")
  static final class New implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", defaultValue = "secp256k1", paramLabel = "<type>",
        description = "secp256k1 (default) or bls")
    String type;

    @Override
    public Integer call() throws Exception {
      SigType t = SigType.fromKeyType(type);
      PrintWriter out = spec.commandLine().getOut();
      out.println(keystore(spec).store(KeyPair.generate(t, new SecureRandom())));
      out.flush();
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Addresses in the local keystore")
  static final class ListKeys implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      keystore(spec).list().forEach(out::println);
      out.flush();
      return 0;
    }
  }
}
