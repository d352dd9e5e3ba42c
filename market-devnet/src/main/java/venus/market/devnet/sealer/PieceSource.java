package venus.market.devnet.sealer;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the sealer reads piece bytes (the deal's CAR, unpadded, named by piece CID): the piece storage directory it
 * shares with the market ({@code <dir>/<pieceCid>}, or {@code <pieceCid>.car} as damocles also tries), else the
 * market's {@code GET /resource?resource-id=<pieceCid>} endpoint with the market token.
 */
public final class PieceSource {
  /** The piece is in neither place. */
  public static final class MissingPieceException extends IOException {
    MissingPieceException(String message) {
      super(message);
    }
  }

  private final Path dir;
  private final URI resource;
  private final String token;
  private final HttpClient http;

  /**
   * @param dir the shared piece storage path, or null when the sealer does not share it
   * @param resource the market's /resource URL, or null to read only {@code dir}
   */
  public PieceSource(Path dir, URI resource, String token) {
    this.dir = dir;
    this.resource = resource;
    this.token = token;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  /** Opens the piece; the caller closes the stream. */
  public InputStream open(String pieceCid) throws IOException {
    if (dir != null) {
      for (String name : new String[] {pieceCid, pieceCid + ".car"}) {
        Path p = dir.resolve(name);
        if (Files.isRegularFile(p)) {
          return Files.newInputStream(p);
        }
      }
    }
    if (resource == null) {
      throw new MissingPieceException("piece " + pieceCid + " is not in " + dir
          + " (the market and the sealer must share the piece storage path, or give the sealer --market-url)");
    }
    URI uri = URI.create(resource + "?resource-id=" + URLEncoder.encode(pieceCid, StandardCharsets.UTF_8));
    HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).GET();
    if (token != null) {
      req.header("Authorization", "Bearer " + token);
    }
    HttpResponse<InputStream> resp;
    try {
      resp = http.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while fetching piece " + pieceCid, e);
    }
    if (resp.statusCode() == 200) {
      return resp.body();
    }
    String body;
    try (InputStream in = resp.body()) {
      body = new String(in.readNBytes(512), StandardCharsets.UTF_8).strip();
    }
    if (resp.statusCode() == 404) {
      throw new MissingPieceException("piece " + pieceCid + " is in no piece storage" + (dir == null ? "" : " (not in "
          + dir + ")") + " and the market has none either: " + body);
    }
    throw new IOException("GET " + uri + " answered HTTP " + resp.statusCode() + ": " + body);
  }
}
