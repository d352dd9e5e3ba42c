package venus.market.daemon.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.core.address.Address;
import venus.market.core.amount.TokenAmount;
import venus.market.core.crypto.SigType;
import venus.market.core.crypto.Signature;
import venus.market.core.market.ClientDealProposal;
import venus.market.core.market.DealLabel;
import venus.market.core.market.DealProposal;
import venus.market.core.multiformats.Cid;
import venus.market.core.piece.CommPHasher;
import venus.market.core.piece.PaddedPieceSize;
import venus.market.core.piece.PieceCid;
import venus.market.core.storagemarket.StorageDealStatus;
import venus.market.daemon.config.FsStoreConfig;
import venus.market.daemon.deals.DealNotFoundException;
import venus.market.daemon.deals.DealPipeline;
import venus.market.daemon.deals.DealStateMachine;
import venus.market.daemon.deals.DealTransfer;
import venus.market.daemon.deals.DealTransition;
import venus.market.daemon.deals.KvDealStore;
import venus.market.daemon.deals.ProviderDeal;
import venus.market.daemon.deals.ProviderEvent;
import venus.market.daemon.piecestore.FsPieceStore;
import venus.market.daemon.piecestore.PieceStore;
import venus.market.daemon.piecestore.PieceWriter;
import venus.market.daemon.store.RocksKvStore;

/**
 * The import itself on a real RocksDB deal store and file-system piece store, with no stages registered (the deal
 * stops in ReserveProviderFunds); ImportDataDevnetTest runs it through the daemon's API against the devnet.
 */
class DataImporterTest {
  private static final long PIECE = 256 << 10;

  @TempDir Path dir;
  RocksKvStore kv;
  DealPipeline pipeline;
  FsPieceStore pieces;
  Path cars;
  int seq;

  @BeforeEach
  void setUp() throws IOException {
    kv = RocksKvStore.open(dir.resolve("db"));
    pipeline = new DealPipeline(new DealStateMachine(new KvDealStore(kv), Clock.systemUTC()), 2);
    pieces = FsPieceStore.open(new FsStoreConfig("fs", dir.resolve("pieces").toString(), false));
    cars = Files.createDirectories(dir.resolve("cars"));
  }

  @AfterEach
  void tearDown() {
    pipeline.close();
    kv.close();
  }

  private DataImporter importer(PieceStore store, List<String> allowed) {
    return new DataImporter(pipeline, store, () -> new ImportDirs(allowed));
  }

  private DataImporter importer() {
    return importer(pieces, List.of(cars.toString()));
  }

  static byte[] bytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  /** commP of {@code data} as the deal's piece: zero-padded up to {@code pieceSize}. */
  static Cid commP(byte[] data, long pieceSize) {
    CommPHasher h = new CommPHasher(new PaddedPieceSize(pieceSize));
    h.write(data, 0, data.length);
    return PieceCid.v1(h.digest());
  }

  private Path car(String name, byte[] data) throws IOException {
    return Files.write(cars.resolve(name), data);
  }

  /** A deal for {@code pieceCid} walked to {@code WaitingForData}, as intake leaves an accepted offline deal. */
  private Cid waitingDeal(Cid pieceCid, DealTransfer transfer) {
    seq++;
    DealProposal p = new DealProposal(pieceCid, PIECE, false, Address.newId(2000 + seq), Address.newId(1000),
        DealLabel.ofString("import-" + seq), 100_000, 100_000 + 518_400, TokenAmount.ofAtto(1000), TokenAmount.ZERO,
        TokenAmount.ZERO);
    byte[] sig = new byte[65];
    Arrays.fill(sig, (byte) seq);
    ProviderDeal d = pipeline.open(ProviderDeal.builder(new ClientDealProposal(p, Signature.of(SigType.SECP256K1,
        sig)), Instant.now()).transfer(transfer).build(), "test");
    pipeline.apply(d.proposalCid(), ProviderEvent.DEAL_DECIDING, "test");
    pipeline.apply(d.proposalCid(), ProviderEvent.DATA_REQUESTED, "test");
    return d.proposalCid();
  }

  private Cid waitingDeal(Cid pieceCid) {
    return waitingDeal(pieceCid, DealTransfer.MANUAL);
  }

  private ProviderDeal deal(Cid c) {
    return pipeline.deals().get(c).orElseThrow();
  }

  private List<String> pieceFiles() throws IOException {
    try (Stream<Path> s = Files.list(dir.resolve("pieces"))) {
      return s.map(p -> p.getFileName().toString()).toList();
    }
  }

  @Test
  void aCarSmallerThanThePieceIsVerifiedWithZeroPaddingStoredAndTheDealMovesOn() throws IOException {
    byte[] data = bytes(100_000, 1); // fits a 128 KiB piece; the deal says 256 KiB, as lotus pads
    Cid piece = commP(data, PIECE);
    assertThat(piece).isNotEqualTo(PieceCid.v1(CommPHasher.of(data)));
    Cid deal = waitingDeal(piece);
    Path file = car("good.car", data);

    ProviderDeal after = importer().importData(deal, file.toString());

    assertThat(after.state()).isEqualTo(StorageDealStatus.RESERVE_PROVIDER_FUNDS);
    Path stored = dir.resolve("pieces").resolve(piece.toString());
    assertThat(after.piecePath()).isEqualTo(stored.toString());
    assertThat(after.payloadSize()).isEqualTo(data.length);
    assertThat(Files.readAllBytes(stored)).isEqualTo(data);
    assertThat(pieceFiles()).containsExactly(piece.toString());
    assertThat(deal(deal)).isEqualTo(after);
    assertThat(pipeline.deals().history(deal)).extracting(DealTransition::event).last()
        .isEqualTo(ProviderEvent.VERIFIED_DATA);
    assertThat(Files.exists(file)).isTrue(); // the operator's file is left alone
  }

  @Test
  void wrongDataIsRefusedNamingBothPieceCidsNothingIsStoredAndTheDealStillWaits() throws IOException {
    byte[] data = bytes(100_000, 2);
    Cid piece = commP(data, PIECE);
    Cid deal = waitingDeal(piece);
    byte[] other = data.clone();
    other[50_000] ^= 1;
    Path file = car("wrong.car", other);

    assertThatThrownBy(() -> importer().importData(deal, file.toString()))
        .isInstanceOf(ImportDataException.class)
        .hasMessageContaining("does not match expected commP")
        .hasMessageContaining("got: " + commP(other, PIECE))
        .hasMessageContaining("expected " + piece)
        .hasMessageContaining("still waits for data");
    assertThat(deal(deal).state()).isEqualTo(StorageDealStatus.WAITING_FOR_DATA);
    assertThat(deal(deal).piecePath()).isEmpty();
    assertThat(pieceFiles()).isEmpty();

    // the right file afterwards still works
    assertThat(importer().importData(deal, car("right.car", data).toString()).state())
        .isEqualTo(StorageDealStatus.RESERVE_PROVIDER_FUNDS);
  }

  @Test
  void aFileLargerThanThePieceIsRefusedBeforeAnythingIsWritten() throws IOException {
    Cid deal = waitingDeal(commP(new byte[] {1}, PIECE));
    Path big = car("big.car", bytes((int) (PIECE - PIECE / 128) + 1, 3));
    assertThatThrownBy(() -> importer().importData(deal, big.toString()))
        .isInstanceOf(ImportDataException.class)
        .hasMessageContaining("more than the deal's piece holds (" + (PIECE - PIECE / 128) + " bytes in a " + PIECE
            + "-byte piece)");
    assertThat(deal(deal).state()).isEqualTo(StorageDealStatus.WAITING_FOR_DATA);
    assertThat(pieceFiles()).isEmpty();
  }

  @Test
  void onlyOfflineDealsWaitingForDataTakeAnImport() throws IOException {
    byte[] data = bytes(1000, 4);
    Path file = car("x.car", data);
    Cid piece = commP(data, PIECE);

    Cid online = waitingDeal(piece, new DealTransfer(DealTransfer.TYPE_HTTP, "{}", 1000));
    assertThatThrownBy(() -> importer().importData(online, file.toString()))
        .isInstanceOf(ImportDataException.class).hasMessageContaining("is an online deal (transfer http)");

    Cid done = waitingDeal(piece);
    importer().importData(done, file.toString());
    assertThatThrownBy(() -> importer().importData(done, file.toString()))
        .isInstanceOf(ImportDataException.class)
        .hasMessage("deal " + done + " is in StorageDealReserveProviderFunds; import-data only applies to deals"
            + " waiting for data (StorageDealWaitingForData)");

    Cid unknown = Cid.parse("bafyreigrsd4xwflbgsgkw5gpt4bjqkknlsymxzklkbxqpxk4ms6nqodoqu");
    assertThatThrownBy(() -> importer().importData(unknown, file.toString()))
        .isInstanceOf(DealNotFoundException.class).hasMessageContaining(unknown.toString());
  }

  @Test
  void pathsMustBeAbsoluteExistAndStayInsideTheAllowedDirectories() throws IOException {
    byte[] data = bytes(1000, 5);
    Cid deal = waitingDeal(commP(data, PIECE));
    Path outside = Files.write(Files.createDirectories(dir.resolve("elsewhere")).resolve("x.car"), data);
    DataImporter imp = importer();

    assertThatThrownBy(() -> imp.importData(deal, outside.toString()))
        .isInstanceOf(ImportDataException.class).hasMessageContaining("outside the directories import-data may read")
        .hasMessageContaining(cars.toString()).hasMessageContaining("AllowedImportDirs");
    assertThatThrownBy(() -> imp.importData(deal, cars + "/../elsewhere/x.car"))
        .isInstanceOf(ImportDataException.class).hasMessageContaining("outside the directories");
    Path link = Files.createSymbolicLink(cars.resolve("link.car"), outside);
    assertThatThrownBy(() -> imp.importData(deal, link.toString()))
        .isInstanceOf(ImportDataException.class).hasMessageContaining("outside the directories");
    assertThatThrownBy(() -> imp.importData(deal, "cars/x.car"))
        .isInstanceOf(ImportDataException.class).hasMessageContaining("is relative");
    assertThatThrownBy(() -> imp.importData(deal, cars.resolve("missing.car").toString()))
        .isInstanceOf(ImportDataException.class).hasMessageContaining("does not exist");
    assertThatThrownBy(() -> imp.importData(deal, cars.toString()))
        .isInstanceOf(ImportDataException.class).hasMessageContaining("outside the directories");
    Files.createDirectories(cars.resolve("sub"));
    assertThatThrownBy(() -> imp.importData(deal, cars.resolve("sub").toString()))
        .isInstanceOf(ImportDataException.class).hasMessageContaining("not a regular file");
    assertThat(deal(deal).state()).isEqualTo(StorageDealStatus.WAITING_FOR_DATA);

    // unrestricted (no AllowedImportDirs): any readable absolute path
    assertThat(importer(pieces, List.of()).importData(deal, outside.toString()).state())
        .isEqualTo(StorageDealStatus.RESERVE_PROVIDER_FUNDS);
  }

  @Test
  void aSecondImportOfTheSameDealWhileOneRunsGetsAClearError() throws Exception {
    byte[] data = bytes(200_000, 6);
    Cid deal = waitingDeal(commP(data, PIECE));
    Path file = car("c.car", data);
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    DataImporter imp = importer(new Gate(pieces, writing, release), List.of(cars.toString()));

    CompletableFuture<ProviderDeal> first = CompletableFuture.supplyAsync(() -> imp.importData(deal, file.toString()));
    assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();
    assertThatThrownBy(() -> imp.importData(deal, file.toString()))
        .isInstanceOf(ImportDataException.class)
        .hasMessage("deal " + deal + ": an import is already running (file " + file.toRealPath()
            + "); wait for it to finish");
    release.countDown();
    assertThat(first.get(30, TimeUnit.SECONDS).state()).isEqualTo(StorageDealStatus.RESERVE_PROVIDER_FUNDS);
    assertThatThrownBy(() -> imp.importData(deal, file.toString()))
        .isInstanceOf(ImportDataException.class).hasMessageContaining("is in StorageDealReserveProviderFunds");
  }

  @Test
  void anImportThatDiesMidwayLeavesNoPieceAndTheDealWaiting() throws Exception {
    byte[] data = bytes(200_000, 7);
    Cid piece = commP(data, PIECE);
    Cid deal = waitingDeal(piece);
    Path file = car("d.car", data);
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    DataImporter imp = importer(new Gate(pieces, writing, never), List.of(cars.toString()));
    CompletableFuture<ProviderDeal> dying = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        dying.complete(imp.importData(deal, file.toString()));
      } catch (RuntimeException e) {
        dying.completeExceptionally(e);
      }
    });
    t.start();
    assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();
    // mid-import: bytes are in a temp file only, never under the piece's name
    assertThat(pieceFiles()).hasSize(1).allMatch(n -> n.startsWith(".") && n.endsWith(".tmp"));
    assertThat(pieces.has(piece)).isFalse();
    assertThat(deal(deal).state()).isEqualTo(StorageDealStatus.WAITING_FOR_DATA);

    t.interrupt(); // the write fails midway (disk error, shutdown)
    assertThatThrownBy(() -> dying.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(ImportDataException.class)
        .hasMessageContaining("nothing was stored and the deal still waits for data");
    assertThat(pieceFiles()).isEmpty();
    assertThat(deal(deal).state()).isEqualTo(StorageDealStatus.WAITING_FOR_DATA);
    assertThat(importer().importData(deal, file.toString()).state())
        .isEqualTo(StorageDealStatus.RESERVE_PROVIDER_FUNDS);
  }

  /** A store whose writers signal after the first write and then wait for {@code release}. */
  private record Gate(PieceStore inner, CountDownLatch writing, CountDownLatch release) implements PieceStore {
    @Override
    public String name() {
      return inner.name();
    }

    @Override
    public OptionalLong size(Cid pieceCid) throws IOException {
      return inner.size(pieceCid);
    }

    @Override
    public InputStream open(Cid pieceCid, long offset) throws IOException {
      return inner.open(pieceCid, offset);
    }

    @Override
    public PieceWriter create(Cid pieceCid) throws IOException {
      PieceWriter w = inner.create(pieceCid);
      OutputStream gated = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
          write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          w.out().write(b, off, len);
          w.out().flush();
          writing.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
          }
        }
      };
      return new PieceWriter() {
        @Override
        public OutputStream out() {
          return gated;
        }

        @Override
        public String commit() throws IOException {
          return w.commit();
        }

        @Override
        public void abort() {
          w.abort();
        }

        @Override
        public void close() {
          w.close();
        }
      };
    }

    @Override
    public void putFile(Cid pieceCid, Path file) throws IOException {
      inner.putFile(pieceCid, file);
    }

    @Override
    public String location(Cid pieceCid) {
      return inner.location(pieceCid);
    }

    @Override
    public void close() {}
  }
}
