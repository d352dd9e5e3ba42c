package venus.market.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One program (a real {@code main} class of this project) in a JVM of its own, started with this module's test
 * classpath, its output appended to a log file. {@link #kill()} is {@code kill -9}: no shutdown hook, no flush, no
 * close, exactly what a power cut or the OOM killer leaves behind.
 */
final class ChildJvm {
  private final String name;
  private final Process process;
  private final Path log;

  private ChildJvm(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code mainClass args} with {@code sysProps} (-D...). C1 only and the serial collector: the children are
   * short-lived and the build machine has two cores shared with the test JVM.
   */
  static ChildJvm start(String name, String mainClass, List<String> args, List<String> sysProps, Path log)
      throws IOException {
    return start(name, mainClass, args, sysProps, java.util.Map.of(), log);
  }

  /** As above, with {@code env} added to the child's environment (e.g. a poll interval or a test hook). */
  static ChildJvm start(String name, String mainClass, List<String> args, List<String> sysProps,
      java.util.Map<String, String> env, Path log) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-Xmx384m");
    cmd.add("-Djava.net.preferIPv4Stack=true");
    // As the launchers run daemons: commP on the JDK's SHA-256 block function (market-core CompressLanes).
    cmd.add("--add-opens");
    cmd.add("java.base/sun.security.provider=ALL-UNNAMED");
    cmd.addAll(sysProps);
    cmd.add("-cp");
    cmd.add(classpath());
    cmd.add(mainClass);
    cmd.addAll(args);
    Files.createDirectories(log.getParent());
    Files.writeString(log, "\n=== start " + name + ": " + String.join(" ", args) + "\n", StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().putAll(env);
    return new ChildJvm(name, pb.start(), log);
  }

  /**
   * The test classpath: surefire forks with a manifest-only jar and passes the real classpath in
   * {@code surefire.test.class.path}; an IDE puts it on {@code java.class.path}.
   */
  static String classpath() {
    String cp = System.getProperty("surefire.test.class.path");
    return cp == null || cp.isBlank() ? System.getProperty("java.class.path") : cp;
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL and wait until the process is gone (its sockets and RocksDB lock are released by the kernel). */
  void kill() {
    process.destroyForcibly();
    waitGone();
  }

  /** SIGTERM: shutdown hooks run (a clean stop). */
  void stop() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    waitGone();
  }

  private void waitGone() {
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new AssertionError(name + " (pid " + pid() + ") did not die within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Fails with the end of the log if the process has exited (used while waiting for readiness). */
  void requireAlive() {
    if (!process.isAlive()) {
      String tail = tail(40);
      String msg = name + " exited with code " + process.exitValue() + "; end of " + log + ":\n" + tail;
      String last = tail.substring(Math.max(0, tail.lastIndexOf("=== start")));
      if (last.contains("Failed to bind") || last.contains("Address already in use")) {
        throw new PortTakenException(msg);
      }
      throw new AssertionError(msg);
    }
  }

  /**
   * The child could not bind a port chosen as free a moment earlier: another process on the machine took it in
   * between. On a first start the caller picks new ports and tries again.
   */
  static final class PortTakenException extends RuntimeException {
    PortTakenException(String message) {
      super(message);
    }
  }

  String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | java.io.UncheckedIOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }

  Path log() {
    return log;
  }
}
