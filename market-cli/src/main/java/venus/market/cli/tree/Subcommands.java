package venus.market.cli.tree;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The subcommands of a command group, registered by {@link CommandTree} only when the command line names
 * them (or asks for the group's help). Use this instead of picocli's {@code @Command(subcommands = ...)},
 * which builds every subcommand's model at start: for {@code venus-market} that was most of a thin command's
 * start-up time. Each class still carries its own {@code @Command(name = ...)}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Subcommands {
  Class<?>[] value();
}
