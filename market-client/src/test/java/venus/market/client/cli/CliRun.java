package venus.market.client.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/** Runs the CLI in-process with captured output, an empty environment and {@code home} as the user's home. */
public final class CliRun {

  public record Result(int exit, String out, String err) {
  }

  private CliRun() {
  }

  public static Result run(Path home, Map<String, String> env, String... args) {
    return runWithInput(home, env, "", args);
  }

  /** Runs with {@code input} as the answers to interactive prompts. */
  public static Result runWithInput(Path home, Map<String, String> env, String input, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = ClientCli.commandLine(env, home.toString(),
        new java.io.ByteArrayInputStream(input.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Result(exit, out.toString(), err.toString());
  }

  public static Result run(Path home, String... args) {
    return run(home, Map.of(), args);
  }
}
