package venus.market.daemon.piecestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.core.multiformats.Cid;
import venus.market.daemon.config.FsStoreConfig;

/**
 * A full disk under a file-system piece store: each temp file is created in the store's directory as usual, but its
 * bytes go to {@code /dev/full}, where the kernel answers every write with ENOSPC ("No space left on device"). The
 * error must name the store and its directory (the OS message alone does not say which disk filled up), say what to
 * do, and leave neither the temp file nor a piece.
 */
class FsPieceStoreDiskFullTest {
  static final Path FULL = Path.of("/dev/full");

  @TempDir Path tmp;
  Path dir;
  FsPieceStore store;

  @BeforeEach
  void open() throws IOException {
    Assumptions.assumeTrue(Files.isWritable(FULL), "needs Linux's /dev/full to produce a real ENOSPC");
    dir = tmp.resolve("pieces");
    store = FsPieceStore.open(new FsStoreConfig("big-disk", dir.toString(), false), temp -> {
      Files.createFile(temp);
      return FileChannel.open(FULL, StandardOpenOption.WRITE);
    });
  }

  List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }

  void assertNamesTheStoreAndDirectory(Throwable e) {
    assertThat(e).isInstanceOf(PieceStoreException.class)
        .hasMessageContaining("piece store big-disk")
        .hasMessageContaining(" in " + dir + " failed: No space left on device")
        .hasMessageContaining("free space on that disk or point [PieceStorage.Fs] Path");
  }

  @Test
  void aWriteBeyondTheBufferFailsNamingTheStoreAndItsDirectory() throws IOException {
    Cid cid = FsPieceStoreTest.pieceOf(FsPieceStoreTest.data(1024, 1));
    try (PieceWriter w = store.create(cid)) {
      assertThat(files()).hasSize(1);
      byte[] two = new byte[2 << 20];
      Throwable e = org.assertj.core.api.Assertions.catchThrowable(() -> w.out().write(two));
      assertNamesTheStoreAndDirectory(e);
      assertThat(e.getMessage()).contains("writing piece " + cid);
    }
    assertThat(files()).as("temp file left after the failed write").isEmpty();
    assertThat(store.has(cid)).isFalse();
  }

  @Test
  void aBufferedWriteFailsAtCommitNamingTheStoreAndNothingIsStored() throws IOException {
    Cid cid = FsPieceStoreTest.pieceOf(FsPieceStoreTest.data(1024, 2));
    PieceWriter w = store.create(cid);
    w.out().write(new byte[1000]);
    assertThatThrownBy(w::commit).satisfies(this::assertNamesTheStoreAndDirectory);
    assertThat(files()).isEmpty();
    assertThat(store.has(cid)).isFalse();
  }

  @Test
  void putFileFailsNamingTheStoreAndNothingIsStored() throws IOException {
    Path staged = Files.write(tmp.resolve("staged.car"), FsPieceStoreTest.data(3 << 20, 3));
    Cid cid = FsPieceStoreTest.pieceOf(Files.readAllBytes(staged));
    assertThatThrownBy(() -> store.putFile(cid, staged)).satisfies(this::assertNamesTheStoreAndDirectory);
    assertThat(files()).isEmpty();
    assertThat(store.has(cid)).isFalse();
  }

  @Test
  void throughPieceStoresTheErrorStillNamesTheStore() throws IOException {
    PieceStores all = new PieceStores(List.of(store));
    Cid cid = FsPieceStoreTest.pieceOf(FsPieceStoreTest.data(1024, 4));
    try (PieceWriter w = all.create(cid)) {
      assertThatThrownBy(() -> w.out().write(new byte[3 << 20])).satisfies(this::assertNamesTheStoreAndDirectory);
    }
    assertThat(files()).isEmpty();
  }
}
