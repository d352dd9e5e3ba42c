package venus.market.daemon.piecestore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.core.multiformats.Cid;
import venus.market.daemon.config.FsStoreConfig;
import venus.market.daemon.config.PieceStorageConfig;
import venus.market.daemon.config.S3StoreConfig;

/**
 * Every configured piece store seen as one (what {@code MarketDaemon.pieceStore()} returns): new pieces go to the
 * first writable store in config order (file-system stores first, then S3); reads look through every store, in the
 * same order, for one that has the piece.
 */
public final class PieceStores implements PieceStore {
  private static final Logger LOG = LoggerFactory.getLogger(PieceStores.class);

  private final List<PieceStore> stores;

  public PieceStores(List<? extends PieceStore> stores) {
    this.stores = List.copyOf(stores);
  }

  /** Opens every store of {@code [PieceStorage]}; closes those already open if one fails. */
  public static PieceStores open(PieceStorageConfig cfg) throws PieceStoreException {
    List<PieceStore> open = new ArrayList<>();
    try {
      for (FsStoreConfig fs : cfg.fs()) {
        open.add(FsPieceStore.open(fs));
      }
      for (S3StoreConfig s3 : cfg.s3()) {
        open.add(S3PieceStore.open(s3));
      }
    } catch (PieceStoreException | RuntimeException e) {
      open.forEach(PieceStore::close);
      throw e;
    }
    PieceStores s = new PieceStores(open);
    LOG.info("piece storage: {}", open.isEmpty() ? "none configured" : open);
    return s;
  }

  public List<PieceStore> stores() {
    return stores;
  }

  /** The store new pieces are written to: the first one not read-only. */
  public Optional<PieceStore> writable() {
    return stores.stream().filter(s -> !s.readOnly()).findFirst();
  }

  /** The first store that has the piece. */
  public Optional<PieceStore> find(Cid pieceCid) throws IOException {
    for (PieceStore s : stores) {
      if (s.has(pieceCid)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  @Override
  public String name() {
    return "piece-storage";
  }

  @Override
  public boolean readOnly() {
    return writable().isEmpty();
  }

  @Override
  public OptionalLong size(Cid pieceCid) throws IOException {
    for (PieceStore s : stores) {
      OptionalLong n = s.size(pieceCid);
      if (n.isPresent()) {
        return n;
      }
    }
    return OptionalLong.empty();
  }

  @Override
  public InputStream open(Cid pieceCid, long offset) throws IOException {
    PieceStore s = find(pieceCid).orElseThrow(() -> new PieceNotFoundException(names(), pieceCid));
    return s.open(pieceCid, offset);
  }

  @Override
  public PieceWriter create(Cid pieceCid) throws IOException {
    return target().create(pieceCid);
  }

  @Override
  public void putFile(Cid pieceCid, Path file) throws IOException {
    target().putFile(pieceCid, file);
  }

  /** Where the piece is if a store has it, else where it would be written. */
  @Override
  public String location(Cid pieceCid) {
    try {
      Optional<PieceStore> s = find(pieceCid);
      if (s.isPresent()) {
        return s.get().location(pieceCid);
      }
    } catch (IOException e) {
      LOG.debug("looking up piece {}: {}", pieceCid, e.toString());
    }
    return writable().map(s -> s.location(pieceCid)).orElse("");
  }

  @Override
  public void close() {
    for (PieceStore s : stores) {
      try {
        s.close();
      } catch (RuntimeException e) {
        LOG.warn("closing piece store {}: {}", s.name(), e.toString());
      }
    }
  }

  private PieceStore target() throws PieceStoreException {
    return writable().orElseThrow(() -> new PieceStoreException(stores.isEmpty()
        ? "no piece storage is configured; set --piecestorage=fs:/path or [PieceStorage.Fs] Path in config.toml"
        : "every piece store is read-only (" + names() + "); set ReadOnly = false on one of them"));
  }

  private String names() {
    return stores.isEmpty() ? "none configured" : String.join(", ", stores.stream().map(PieceStore::name).toList());
  }
}
