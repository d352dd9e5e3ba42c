package venus.market.client.deals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import venus.market.client.data.ByteProgress;
import venus.market.client.data.CarCommP;
import venus.market.client.data.CommPResult;
import venus.market.client.data.LocalImporter;
import venus.market.client.imports.ImportRecord;
import venus.market.client.imports.ImportStore;
import venus.market.client.store.ClientStore;
import venus.market.core.MarketException;
import venus.market.core.multiformats.Cid;

/**
 * Turns an imported root into the CAR an online deal serves and its piece commitment ("calculating data size"). A file
 * import gets the dense CARv1 lotus {@code generate-car} writes, under {@code <repo>/deal-cars/<root>.car}; a
 * {@code --car} import is served as-is. The result is cached in the store, keyed by root, so every deal of the same
 * data reuses one CAR and one commP.
 */
public final class DealData {
  private static final String PREFIX = "/pieces/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ImportStore imports;
  private final ClientStore store;
  private final Path carsDir;

  public DealData(ImportStore imports, ClientStore store, Path carsDir) {
    this.imports = imports;
    this.store = store;
    this.carsDir = carsDir;
  }

  public synchronized PieceInfo prepare(Cid root) throws IOException {
    var cached = store.get(PREFIX + root);
    if (cached.isPresent()) {
      PieceInfo p = decode(cached.get());
      if (Files.isRegularFile(Path.of(p.carPath()))) {
        return p;
      }
    }
    ImportRecord rec = imports.list().stream().filter(r -> r.root().equals(root)).reduce((a, b) -> b)
        .orElseThrow(() -> new MarketException("no import with root " + root
            + " (import the data first with 'market-client data import <file>', or make an offline deal with "
            + "--manual-piece-cid and --manual-piece-size)"));
    Path car;
    if (rec.carPath() != null) {
      car = Path.of(rec.carPath());
    } else {
      Files.createDirectories(carsDir);
      car = carsDir.resolve(root + ".car");
      Cid generated = new LocalImporter().generateCar(Path.of(rec.filePath()), car, ByteProgress.NONE).root();
      if (!generated.equals(root)) {
        Files.deleteIfExists(car);
        throw new MarketException("file " + rec.filePath() + " changed since it was imported: its root is now "
            + generated + ", not " + root + "; import it again");
      }
    }
    CommPResult c = CarCommP.of(car, ByteProgress.NONE);
    PieceInfo p = new PieceInfo(root, car.toString(), c.pieceCid(), c.paddedSize(), Files.size(car));
    store.put(PREFIX + root, encode(p));
    return p;
  }

  private static byte[] encode(PieceInfo p) {
    var n = JSON.createObjectNode().put("root", p.root().toString()).put("carPath", p.carPath())
        .put("pieceCid", p.pieceCid().toString()).put("paddedSize", p.paddedSize()).put("payloadSize", p.payloadSize());
    return n.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static PieceInfo decode(byte[] b) throws IOException {
    JsonNode n = JSON.readTree(b);
    return new PieceInfo(Cid.parse(n.path("root").asText()), n.path("carPath").asText(),
        Cid.parse(n.path("pieceCid").asText()), n.path("paddedSize").asLong(), n.path("payloadSize").asLong());
  }
}
