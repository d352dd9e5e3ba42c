package venus.market.client.cli.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import venus.market.client.cli.ProgressOption;
import venus.market.client.data.ByteProgress;
import venus.market.client.data.LocalImporter;
import venus.market.client.imports.ImportRecord;
import venus.market.client.imports.ImportStore;
import venus.market.core.multiformats.Cid;
import venus.market.core.unixfs.ImportResult;

/** {@code data import}: lotus {@code client import}, in local mode (no daemon, no blockstore yet). */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Import data: compute the payload root a deal will name and record the import in the repo.",
        "A regular file is chunked as lotus does (same root CID as 'lotus client import'); with --car the file "
            + "must be a CAR with exactly one root, which is used as-is.",
        "Local mode: only the record (ID, root, path, size) is stored under <repo>/imports; the file must stay "
            + "where it is. Prints 'Import <id>, Root <cid>'."})
public final class ImportCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<inputPath>", description = "file to import")
  Path input;

  @Option(names = "--car", description = "import from a CAR file instead of a regular file")
  boolean car;

  @Option(names = {"-q", "--quiet"}, description = "output the root CID only")
  boolean quiet;

  @Option(names = "--json", description = "print {\"ImportID\":<id>,\"Root\":{\"/\":<cid>}} (lotus ImportRes)")
  boolean json;

  @Mixin
  ProgressOption progress;

  @Override
  public Integer call() throws Exception {
    Path abs = input.toAbsolutePath().normalize();
    long size = Files.isRegularFile(abs) ? Files.size(abs) : 0;
    LocalImporter importer = new LocalImporter();
    Cid root;
    if (car) {
      root = importer.carRoot(abs);
    } else {
      ByteProgress p = progress.create("import", size, spec.commandLine().getErr());
      ImportResult r = importer.importFile(abs, p);
      ProgressOption.finish(p);
      root = r.root();
    }
    ImportRecord rec = ImportStore.open(Cli.root(spec).repo())
        .add(root, "import", abs.toString(), size, car ? abs.toString() : null);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode n = Cli.JSON.createObjectNode();
      n.put("ImportID", rec.id());
      n.putObject("Root").put("/", root.toString());
      Cli.printJson(out, n);
    } else {
      out.println(quiet ? root.toString() : "Import " + rec.id() + ", Root " + root);
      out.flush();
    }
    return 0;
  }
}
