package venus.market.p2p.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A js-libp2p peer process ({@code interop/js-libp2p/peer.mjs}), its stdout read line by line. The packages come
 * from {@code npm ci} in that directory (done by {@code .ci/run}).
 */
final class JsPeer implements AutoCloseable {

  private final Process process;
  private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> seen = new ArrayList<>();

  private JsPeer(Process process) {
    this.process = process;
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          lines.add(line);
        }
      } catch (IOException e) {
        lines.add("READER-ERROR " + e);
      }
    }, "js-peer-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  static JsPeer start(String... args) throws IOException {
    Path dir = interopDir();
    List<String> cmd = new ArrayList<>(List.of("node", "peer.mjs"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    return new JsPeer(pb.start());
  }

  /** The project's interop/js-libp2p directory, with its npm packages installed. */
  static Path interopDir() {
    Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("interop/js-libp2p/peer.mjs"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("interop/js-libp2p/peer.mjs not found above " + System.getProperty("user.dir"));
    }
    Path dir = p.resolve("interop/js-libp2p");
    if (!Files.isDirectory(dir.resolve("node_modules/libp2p"))) {
      throw new IllegalStateException("js-libp2p packages are missing: run `npm ci` in " + dir + " (.ci/run does)");
    }
    return dir;
  }

  /** Waits for the next line starting with {@code prefix}; returns the rest of it. */
  String await(String prefix, long seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (true) {
      long left = deadline - System.nanoTime();
      String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
      if (line == null) {
        throw new AssertionError("js peer printed no \"" + prefix + "\" line within " + seconds + " s; output: " + seen);
      }
      seen.add(line);
      if (line.startsWith(prefix + " ")) {
        return line.substring(prefix.length() + 1);
      }
      if (line.startsWith("ERROR ")) {
        throw new AssertionError("js peer failed: " + line);
      }
    }
  }

  int waitFor(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      throw new AssertionError("js peer did not exit within " + seconds + " s; output: " + seen);
    }
    return process.exitValue();
  }

  @Override
  public void close() throws Exception {
    process.getOutputStream().close(); // "listen" mode exits when stdin ends
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroy();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
