package venus.market.client.cli.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import venus.market.client.cli.ProgressOption;
import venus.market.client.data.ByteProgress;
import venus.market.client.data.LocalImporter;

/** {@code data generate-car}: lotus {@code client generate-car}, locally. Prints nothing on success, like lotus. */
@Command(name = "generate-car", mixinStandardHelpOptions = true,
    description = {"Generate a CAR file from a regular file, byte-identical to lotus 'client generate-car':",
        "the file is chunked as 'data import' does (1 MiB raw leaves, balanced, 1024 links, CIDv1 blake2b-256) "
            + "and written as a dense CARv1 with the UnixFS root as its only root, blocks in depth-first order.",
        "The CAR is written to a temporary file next to <out.car> and renamed into place. Prints nothing."})
public final class GenerateCarCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<in>", description = "regular file to convert")
  Path in;

  @Parameters(index = "1", paramLabel = "<out.car>", description = "CAR file to write (replaced if it exists)")
  Path out;

  @Mixin
  ProgressOption progress;

  @Override
  public Integer call() throws Exception {
    long size = Files.isRegularFile(in) ? Files.size(in) : 0;
    ByteProgress p = progress.create("generate-car", size, spec.commandLine().getErr());
    new LocalImporter().generateCar(in, out, p);
    ProgressOption.finish(p);
    return 0;
  }
}
