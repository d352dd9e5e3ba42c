package venus.market.client.cli.data;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import venus.market.client.imports.ImportRecord;
import venus.market.client.imports.ImportStore;

/** {@code data local}: lotus {@code client local}. */
@Command(name = "local", mixinStandardHelpOptions = true,
    description = {"List locally imported data, one line per import, by ID, in lotus 'client local' form:",
        "  <id>: <root CID> @<file path> (<source>)",
        "--json adds the size and CAR path."})
public final class LocalCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--json", description = "print a JSON array of {Key, Root, Source, FilePath, CARPath, Size}")
  boolean json;

  @Override
  public Integer call() throws Exception {
    List<ImportRecord> imports = ImportStore.open(Cli.root(spec).repo()).list();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ArrayNode a = Cli.JSON.createArrayNode();
      for (ImportRecord r : imports) {
        ObjectNode n = a.addObject();
        n.put("Key", r.id());
        n.putObject("Root").put("/", r.root().toString());
        n.put("Source", r.source());
        n.put("FilePath", r.filePath());
        n.put("CARPath", r.carPath() == null ? "" : r.carPath());
        n.put("Size", r.size());
      }
      Cli.printJson(out, a);
      return 0;
    }
    for (ImportRecord r : imports) {
      out.println(r.id() + ": " + r.root() + " @" + r.filePath() + " (" + r.source() + ")");
    }
    out.flush();
    return 0;
  }
}
