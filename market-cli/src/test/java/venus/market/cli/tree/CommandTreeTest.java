package venus.market.cli.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;
import venus.market.cli.VenusMarketCommand;

class CommandTreeTest {
  @Test
  void wholeTreeHasEveryGroupAndLeaf() {
    CommandLine whole = CommandTree.whole(new VenusMarketCommand());
    assertThat(CommandTree.registered(whole))
        .containsExactly("solo-run", "auth", "net", "actor", "storage-deals", "version");
    CommandLine deals = whole.getSubcommands().get("storage-deals");
    assertThat(CommandTree.registered(deals)).contains("list", "get", "set-ask", "import-data", "selection");
    assertThat(CommandTree.registered(deals.getSubcommands().get("selection"))).contains("list", "reset", "reject");
  }

  @Test
  void lazyTreeBuildsOnlyThePathNamed() {
    CommandLine lazy = CommandTree.along(new VenusMarketCommand(), new String[] {"--repo", "/tmp/r", "storage-deals", "list", "--json"});
    assertThat(CommandTree.registered(lazy)).containsExactly("storage-deals");
    assertThat(CommandTree.registered(lazy.getSubcommands().get("storage-deals"))).containsExactly("list");
    ParseResult parsed = lazy.parseArgs("--repo", "/tmp/r", "storage-deals", "list", "--json");
    assertThat(parsed.subcommand().subcommand().commandSpec().name()).isEqualTo("list");
    // The global option declared on the root reaches the lazily added leaf.
    assertThat(parsed.subcommand().subcommand().hasMatchedOption("--json")).isTrue();
    assertThat(lazy.parseArgs("storage-deals", "list", "--verbose").subcommand().subcommand()
        .hasMatchedOption("--verbose")).isTrue();
  }

  @Test
  void whereThePathEndsEveryChildIsListedSoHelpIsUnchanged() {
    for (String[] args : new String[][] {{"--help"}, {"storage-deals", "--help"}, {"actor"}}) {
      CommandLine lazy = CommandTree.along(new VenusMarketCommand(), args);
      CommandLine whole = CommandTree.whole(new VenusMarketCommand());
      CommandLine lazyAt = lazy;
      CommandLine wholeAt = whole;
      if (args.length > 0 && !args[0].startsWith("-")) {
        lazyAt = lazy.getSubcommands().get(args[0]);
        wholeAt = whole.getSubcommands().get(args[0]);
      }
      assertThat(lazyAt.getUsageMessage(CommandLine.Help.Ansi.OFF))
          .isEqualTo(wholeAt.getUsageMessage(CommandLine.Help.Ansi.OFF));
    }
    // At the top level the groups are listed but not built.
    CommandLine top = CommandTree.along(new VenusMarketCommand(), new String[] {"--help"});
    assertThat(CommandTree.registered(top.getSubcommands().get("storage-deals"))).isEmpty();
  }

  @Test
  void anOptionValueThatNamesACommandIsReportedAsTheWholeTreeReportsIt() {
    // picocli itself refuses a subcommand name as an option value; the lazy tree (which picks "net" here)
    // fails to parse, falls back to the whole tree, and so reports exactly the same error.
    String[] args = {"--repo", "net", "storage-deals", "list"};
    assertThat(CommandTree.registered(CommandTree.along(new VenusMarketCommand(), args))).containsExactly("net");
    assertThat(errorOf(CommandTree.parsesOrWhole(VenusMarketCommand::new, args, UnaryOperator.identity()), args))
        .isEqualTo(errorOf(CommandTree.whole(new VenusMarketCommand()), args))
        .contains("Expected parameter for option '--repo' but found 'net'");
    // Attached, the value is unambiguous and the lazy tree parses it.
    String[] attached = {"--repo=net", "storage-deals", "list"};
    CommandLine chosen = CommandTree.parsesOrWhole(VenusMarketCommand::new, attached, UnaryOperator.identity());
    assertThat(CommandTree.registered(chosen)).containsExactly("storage-deals");
    assertThat(chosen.parseArgs(attached).subcommand().subcommand().commandSpec().name()).isEqualTo("list");
  }

  @Test
  void unknownCommandReportsTheSameErrorAsTheWholeTree() {
    String[] args = {"storage-deals", "lsit"};
    assertThat(errorOf(CommandTree.parsesOrWhole(VenusMarketCommand::new, args, UnaryOperator.identity()), args))
        .isEqualTo(errorOf(CommandTree.whole(new VenusMarketCommand()), args))
        .contains("list");
  }

  private static String errorOf(CommandLine cl, String[] args) {
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));
    cl.execute(args);
    return err.toString();
  }
}
