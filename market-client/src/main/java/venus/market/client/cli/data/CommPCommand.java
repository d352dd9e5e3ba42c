package venus.market.client.cli.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import venus.market.client.cli.ProgressOption;
import venus.market.client.data.ByteProgress;
import venus.market.client.data.CarCommP;
import venus.market.client.data.CommPResult;
import venus.market.core.amount.ByteSizes;

/** {@code data commP}: lotus {@code client commP}, computed locally. */
@Command(name = "commP", mixinStandardHelpOptions = true,
    description = {"Calculate the piece CID (commP) of a CAR file, as lotus 'client commP' does.",
        "The whole file is the piece payload (a CARv2 with its index included). Prints the piece CID and the "
            + "UNPADDED piece size, the value 'storage deals init --manual-piece-size' takes.",
        "Refuses input that does not start with a CAR header ('not a car file')."})
public final class CommPCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<file.car>", description = "CARv1 or CARv2 file")
  Path car;

  @Option(names = "--json", description = "print {\"Root\":{\"/\":<piece CID>},\"Size\":<unpadded bytes>,"
      + "\"PaddedSize\":<padded bytes>} (lotus CommPRet plus the padded size)")
  boolean json;

  @picocli.CommandLine.Mixin
  ProgressOption progress;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    long size = Files.isRegularFile(car) ? Files.size(car) : 0;
    ByteProgress p = progress.create("commP", size, spec.commandLine().getErr());
    CommPResult r = CarCommP.of(car, p);
    ProgressOption.finish(p);
    if (json) {
      ObjectNode n = Cli.JSON.createObjectNode();
      n.putObject("Root").put("/", r.pieceCid().toString());
      n.put("Size", r.unpaddedSize());
      n.put("PaddedSize", r.paddedSize());
      Cli.printJson(out, n);
    } else {
      // lotus prints with Println("CID: ", …): the operand separator makes the double space
      out.println("CID:  " + r.pieceCid());
      out.println("Piece size:  " + ByteSizes.sizeStr(r.unpaddedSize()));
      out.println("Piece size in bytes:  " + r.unpaddedSize());
      out.flush();
    }
    return 0;
  }
}
