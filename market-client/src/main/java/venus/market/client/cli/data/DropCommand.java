package venus.market.client.cli.data;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import venus.market.client.imports.ImportStore;

/** {@code data drop}: lotus {@code client drop}. */
@Command(name = "drop", mixinStandardHelpOptions = true,
    description = {"Remove imports by ID (see 'data local'). Only the record goes: the imported file and a CAR "
        + "imported with --car are left alone. Prints nothing."})
public final class DropCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "<importID>", description = "import ID(s) to remove")
  List<Long> ids;

  @Override
  public Integer call() throws Exception {
    ImportStore store = ImportStore.open(Cli.root(spec).repo());
    Set<Long> unique = new LinkedHashSet<>(ids);
    // check all first, so a typo in the second ID does not leave the first one half-dropped
    for (long id : unique) {
      store.get(id);
    }
    for (long id : unique) {
      store.remove(id);
    }
    return 0;
  }
}
