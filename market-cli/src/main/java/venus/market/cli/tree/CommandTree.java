package venus.market.cli.tree;

import java.util.Arrays;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Builds a picocli command tree from {@link Subcommands} annotations, lazily or whole.
 *
 * <p>{@link #along} builds only the path the arguments name: at each group, the first argument equal to a
 * subcommand's name or alias selects that one subcommand; if none does (no subcommand, {@code --help}, a
 * typo) every subcommand of that group is registered so that help and "did you mean" stay complete. A token
 * that merely looks like a subcommand (an option's value) can select the wrong branch; then the arguments do
 * not parse, and {@link #parsesOrWhole} falls back to the whole tree, which reports the error exactly as before.
 */
public final class CommandTree {
  private CommandTree() {}

  /** Every command of the tree under {@code root}. */
  public static CommandLine whole(Object root) {
    CommandLine cl = new CommandLine(root);
    attach(cl, root.getClass(), null, 0);
    return cl;
  }

  /** The commands on the path {@code args} name, plus the full set of children where the path ends. */
  public static CommandLine along(Object root, String[] args) {
    CommandLine cl = new CommandLine(root);
    attach(cl, root.getClass(), args, 0);
    return cl;
  }

  /**
   * The lazy tree for {@code args} if they parse on it, else the whole tree (built from a fresh root from
   * {@code rootFactory}, since parsing already touched the first root's fields).
   */
  public static CommandLine parsesOrWhole(
      Supplier<?> rootFactory, String[] args, UnaryOperator<CommandLine> configure) {
    CommandLine lazy = configure.apply(along(rootFactory.get(), args));
    try {
      lazy.parseArgs(args);
      return lazy;
    } catch (CommandLine.ParameterException e) {
      return configure.apply(whole(rootFactory.get()));
    }
  }

  /** Names of the subcommands registered directly under {@code cl} (for tests and diagnostics). */
  public static Set<String> registered(CommandLine cl) {
    return cl.getSubcommands().keySet();
  }

  // args == null: register everything, recursively.
  private static void attach(CommandLine cl, Class<?> type, String[] args, int from) {
    Subcommands subs = type.getAnnotation(Subcommands.class);
    if (subs == null) {
      return;
    }
    if (args != null) {
      for (int i = from; i < args.length; i++) {
        if (args[i].equals("--")) {
          break;
        }
        for (Class<?> child : subs.value()) {
          if (names(child, args[i])) {
            add(cl, child, args, i + 1);
            return;
          }
        }
      }
    }
    for (Class<?> child : subs.value()) {
      // Where the path ends the children are listed (help, suggestions); their own children are not needed.
      add(cl, child, args, args == null ? 0 : -1);
    }
  }

  // from < 0: register the child alone, without its subcommands.
  private static void add(CommandLine parent, Class<?> child, String[] args, int from) {
    Command c = command(child);
    if (parent.getSubcommands().containsKey(c.name())) {
      return; // also declared through picocli's own subcommands attribute
    }
    CommandLine sub;
    try {
      sub = new CommandLine(CommandLine.defaultFactory().create(child));
    } catch (Exception e) {
      throw new CommandLine.InitializationException("cannot create subcommand " + child.getName() + ": " + e, e);
    }
    // Attach first, then grow the child: inherited options (--repo, --verbose) flow down on addSubcommand.
    parent.addSubcommand(c.name(), sub);
    if (from >= 0) {
      attach(sub, child, args, from);
    }
  }

  private static boolean names(Class<?> child, String token) {
    Command c = command(child);
    return c.name().equals(token) || Arrays.asList(c.aliases()).contains(token);
  }

  private static Command command(Class<?> child) {
    Command c = child.getAnnotation(Command.class);
    if (c == null || c.name().isEmpty() || c.name().equals("<main class>")) {
      throw new CommandLine.InitializationException(child.getName() + " needs @Command(name = ...) to be a subcommand");
    }
    return c;
  }
}
