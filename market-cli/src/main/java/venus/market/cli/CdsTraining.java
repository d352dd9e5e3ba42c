package venus.market.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The build-time training run behind the launcher's class-data archive (AppCDS, see launcher/README.md).
 *
 * <p>{@code launcher/make-cds-archive.sh} starts the launcher with {@code -XX:ArchiveClassesAtExit} and
 * {@code -Dvenus.market.cds.training=true}; this class then runs typical thin commands against a canned
 * JSON-RPC responder on 127.0.0.1, so the classes they load (picocli excepted: its Java 5 class files cannot
 * be archived) are mapped from the archive on every later start instead of being read from the jars.
 * Its output is discarded; a command failing here only makes the archive a little less complete.
 */
final class CdsTraining {
  static final String PROPERTY = "venus.market.cds.training";

  private static final Pattern METHOD = Pattern.compile("\"method\"\\s*:\\s*\"VENUS_MARKET\\.([A-Za-z]+)\"");
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

  /** Results by method; anything else answers null (which also trains the error path). */
  private static final Map<String, String> RESULTS = Map.of(
      "MarketListIncompleteDeals", "[" + deal() + "]",
      "MarketGetDeal", deal(),
      "NetAddrsListen", "{\"ID\":\"12D3KooWGzxzKZYveHXtpG6AsrUJBcWxHBFS2HsEoGTxrMLvKXtf\","
          + "\"Addrs\":[\"/ip4/127.0.0.1/tcp/58418\"]}",
      "ActorList", "[{\"Addr\":\"t01000\",\"Account\":\"demo\"}]",
      "Version", "{\"Version\":\"0.1.0\",\"APIVersion\":131840}");

  private CdsTraining() {}

  /** Runs the training command lines; returns each line's exit code (0 = it worked end to end). */
  static Map<String, Integer> run() throws IOException {
    Map<String, Integer> exits = new LinkedHashMap<>();
    Path repo = Files.createTempDirectory("venus-market-cds");
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread responder = new Thread(() -> serve(server), "cds-training-rpc");
      responder.setDaemon(true);
      responder.start();
      String url = "http://127.0.0.1:" + server.getLocalPort();
      String[][] local = {{"--help"}, {"storage-deals", "--help"}, {"storage-deals", "lsit"}};
      String[][] remote = {
        {"storage-deals", "list"},
        {"storage-deals", "list", "--json"},
        {"storage-deals", "list", "-v"},
        {"storage-deals", "get", "bafyreib6xk3ymnn2yqfejfp5oaqjtxdhjyvh3vyr2lmd2qnzm2rqjdbnmi"},
        {"storage-deals", "get-ask", "--miner", "t01000"},
        {"net", "listen"},
        {"actor", "list"},
        {"version", "--daemon"},
      };
      for (String[] line : local) {
        exits.put(String.join(" ", line), quietly(args(repo, line)));
      }
      for (String[] line : remote) {
        exits.put(String.join(" ", line), quietly(args(repo, line, "--api-url", url, "--token", "training")));
      }
    } finally {
      deleteQuietly(repo);
    }
    return exits;
  }

  private static int quietly(String[] args) {
    return VenusMarketMain.run(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | RuntimeException e) {
      // a temp directory left behind is harmless
    }
  }

  private static String[] args(Path repo, String[] line, String... api) {
    List<String> all = new ArrayList<>(List.of("--repo", repo.toString()));
    all.addAll(List.of(line));
    all.addAll(List.of(api));
    return all.toArray(String[]::new);
  }
  private static void serve(ServerSocket server) {
    while (!server.isClosed()) {
      try (Socket s = server.accept()) {
        answer(s);
      } catch (IOException e) {
        // closed at the end of the training, or a client went away: nothing to do
      }
    }
  }

  private static void answer(Socket s) throws IOException {
    InputStream in = new BufferedInputStream(s.getInputStream());
    int length = 0;
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
        length = Integer.parseInt(header.substring(15).trim());
      }
    }
    String body = new String(in.readNBytes(Math.min(length, 1 << 20)), StandardCharsets.UTF_8);
    Matcher m = METHOD.matcher(body);
    Matcher id = ID.matcher(body);
    String result = m.find() ? RESULTS.getOrDefault(m.group(1), "null") : "null";
    byte[] reply = ("{\"jsonrpc\":\"2.0\",\"id\":" + (id.find() ? id.group(1) : "1") + ",\"result\":" + result + "}")
        .getBytes(StandardCharsets.UTF_8);
    OutputStream out = s.getOutputStream();
    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + reply.length
        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(reply);
    out.flush();
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
      if (c != '\r' && b.length() < 8192) {
        b.append((char) c);
      }
    }
    return b.toString();
  }

  private static String deal() {
    return "{\"Proposal\":{\"PieceCID\":{\"/\":\"baga6ea4seaqao7s73y24kcutaosvacpdjgfe5pw76ooefnyqw4ynr3d2y6x2mpq\"},"
        + "\"PieceSize\":2048,\"VerifiedDeal\":false,\"Client\":\"t01001\",\"Provider\":\"t01000\","
        + "\"Label\":\"\",\"StartEpoch\":10000,\"EndEpoch\":528400,\"StoragePricePerEpoch\":\"1000\","
        + "\"ProviderCollateral\":\"0\",\"ClientCollateral\":\"0\"},"
        + "\"ProposalCid\":{\"/\":\"bafyreib6xk3ymnn2yqfejfp5oaqjtxdhjyvh3vyr2lmd2qnzm2rqjdbnmi\"},"
        + "\"State\":18,\"Message\":\"offline deal\",\"DealID\":0,"
        + "\"CreationTime\":\"2026-11-24T10:00:00Z\",\"PublishCid\":null}";
  }
}
