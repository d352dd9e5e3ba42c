package venus.market.devnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import venus.market.core.amount.TokenAmount;
import venus.market.core.crypto.KeyInfo;
import venus.market.core.jsonrpc.JwtTokens;
import venus.market.core.jsonrpc.Permission;

/** {@code market-devnet wallet ...}: the devnet wallet, through the running node's API. */
@Command(name = "wallet", description = "Manage the devnet wallet.",
    subcommands = {WalletCommand.ListCmd.class, WalletCommand.NewCmd.class, WalletCommand.BalanceCmd.class,
        WalletCommand.DefaultCmd.class, WalletCommand.ExportCmd.class, WalletCommand.ImportCmd.class,
        WalletCommand.ApiInfoCmd.class})
final class WalletCommand {

  @Command(name = "list", description = "List wallet addresses with their balances.")
  static final class ListCmd implements Callable<Integer> {
    @Mixin RepoOption repo;

    @Override
    public Integer call() {
      NodeClient node = NodeClient.of(repo.path());
      for (JsonNode a : node.call("WalletList")) {
        String bal = node.call("WalletBalance", a.asText()).asText();
        System.out.println(a.asText() + "\t" + TokenAmount.parseAtto(bal));
      }
      return 0;
    }
  }

  @Command(name = "new", description = "Create a key (secp256k1 or bls).")
  static final class NewCmd implements Callable<Integer> {
    @Mixin RepoOption repo;

    @Parameters(defaultValue = "secp256k1", description = "key type: secp256k1 or bls")
    String type;

    @Override
    public Integer call() {
      System.out.println(NodeClient.of(repo.path()).call("WalletNew", type).asText());
      return 0;
    }
  }

  @Command(name = "balance", description = "Balance of an address (default: the wallet default).")
  static final class BalanceCmd implements Callable<Integer> {
    @Mixin RepoOption repo;

    @Parameters(arity = "0..1")
    String address;

    @Override
    public Integer call() {
      NodeClient node = NodeClient.of(repo.path());
      String a = address != null ? address : node.call("WalletDefaultAddress").asText();
      System.out.println(TokenAmount.parseAtto(node.call("WalletBalance", a).asText()));
      return 0;
    }
  }

  @Command(name = "default", description = "Print the default address.")
  static final class DefaultCmd implements Callable<Integer> {
    @Mixin RepoOption repo;

    @Override
    public Integer call() {
      System.out.println(NodeClient.of(repo.path()).call("WalletDefaultAddress").asText());
      return 0;
    }
  }

  @Command(name = "export", description = "Export a key in lotus `wallet export` form (hex).")
  static final class ExportCmd implements Callable<Integer> {
    @Mixin RepoOption repo;

    @Parameters(index = "0")
    String address;

    @Override
    public Integer call() {
      JsonNode k = NodeClient.of(repo.path()).call("WalletExport", address);
      System.out.println(KeyInfo.fromJson(k.toString()).exportHex());
      return 0;
    }
  }

  @Command(name = "import", description = "Import a key in lotus `wallet export` form (hex).")
  static final class ImportCmd implements Callable<Integer> {
    @Mixin RepoOption repo;

    @Parameters(index = "0")
    String hex;

    @Override
    public Integer call() throws Exception {
      KeyInfo k = KeyInfo.importHex(hex);
      JsonNode ki = new com.fasterxml.jackson.databind.ObjectMapper().readTree(k.toJson());
      System.out.println(NodeClient.of(repo.path()).call("WalletImport", ki).asText());
      return 0;
    }
  }

  /** Like {@code venus-wallet auth api-info --perm admin}: a token and the signing API multiaddr. */
  @Command(name = "api-info", description = "Print <token>:<multiaddr> of the venus-wallet compatible signing API.")
  static final class ApiInfoCmd implements Callable<Integer> {
    @Mixin RepoOption repo;

    @Option(names = "--perm", defaultValue = "sign", description = "read, write, sign or admin (default: ${DEFAULT-VALUE})")
    String perm;

    @Override
    public Integer call() throws Exception {
      Path r = repo.path();
      Path secret = r.resolve("jwt-secret");
      Path api = r.resolve("wallet-api");
      if (!Files.exists(secret) || !Files.exists(api)) {
        throw new venus.market.devnet.DevnetException("no devnet repo in " + r + "; start one with `market-devnet run`");
      }
      String token = new JwtTokens(Files.readAllBytes(secret)).create(Permission.parse(perm));
      System.out.println(token + ":" + Files.readString(api, StandardCharsets.US_ASCII).trim());
      return 0;
    }
  }
}
