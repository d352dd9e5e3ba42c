package venus.market.daemon.piecestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.core.multiformats.Cid;
import venus.market.core.piece.CommPHasher;
import venus.market.core.piece.PieceCid;
import venus.market.daemon.config.FsStoreConfig;

class FsPieceStoreTest {
  @TempDir Path dir;

  static byte[] data(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  static Cid pieceOf(byte[] b) {
    return PieceCid.v1(CommPHasher.of(b));
  }

  private FsPieceStore store() throws IOException {
    return FsPieceStore.open(new FsStoreConfig("fs", dir.resolve("pieces").toString(), false));
  }

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(dir.resolve("pieces"))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void pieceIsInvisibleUntilCommitThenNamedByItsCid() throws IOException {
    byte[] b = data(3 << 20, 1);
    Cid cid = pieceOf(b);
    try (FsPieceStore s = store()) {
      PieceWriter w = s.create(cid);
      w.out().write(b, 0, 1 << 20);
      assertThat(s.has(cid)).isFalse();
      assertThat(names()).hasSize(1).allMatch(n -> n.startsWith("." + cid) && n.endsWith(".tmp"));
      w.out().write(b, 1 << 20, b.length - (1 << 20));
      String loc = w.commit();
      assertThat(loc).isEqualTo(dir.resolve("pieces").resolve(cid.toString()).toString());
      assertThat(s.location(cid)).isEqualTo(loc);
      assertThat(cid.toString()).startsWith("baga6ea4seaq");
      assertThat(names()).containsExactly(cid.toString());
      assertThat(s.size(cid)).hasValue(b.length);
      try (InputStream in = s.open(cid, 0)) {
        assertThat(in.readAllBytes()).isEqualTo(b);
      }
      w.close(); // close after commit changes nothing
      assertThat(s.has(cid)).isTrue();
    }
  }

  @Test
  void abortAndCloseWithoutCommitLeaveNothing() throws IOException {
    byte[] b = data(100_000, 2);
    Cid cid = pieceOf(b);
    try (FsPieceStore s = store()) {
      PieceWriter w = s.create(cid);
      w.out().write(b);
      w.abort();
      assertThat(names()).isEmpty();
      assertThatThrownBy(w::commit).isInstanceOf(IllegalStateException.class);
      try (PieceWriter w2 = s.create(cid)) {
        w2.out().write(b);
      }
      assertThat(names()).isEmpty();
      assertThat(s.has(cid)).isFalse();
      assertThatThrownBy(() -> s.open(cid, 0)).isInstanceOf(PieceNotFoundException.class)
          .hasMessageContaining(cid.toString()).hasMessageContaining("fs");
    }
  }

  @Test
  void rangeReadsFromAnyOffset() throws IOException {
    byte[] b = data(70_000, 3);
    Cid cid = pieceOf(b);
    try (FsPieceStore s = store()) {
      try (PieceWriter w = s.create(cid); OutputStream out = w.out()) {
        out.write(b);
        w.commit();
      }
      for (long off : new long[] {0, 1, 65_536, 69_999, 70_000}) {
        try (InputStream in = s.open(cid, off)) {
          assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(b, (int) off, b.length));
        }
      }
      assertThatThrownBy(() -> s.open(cid, 70_001)).isInstanceOf(IOException.class)
          .hasMessageContaining("offset 70001");
    }
  }

  @Test
  void leftoverTempFilesAreRemovedAtOpenButNotThoseOfWritersStillOpen() throws IOException {
    byte[] b = data(5000, 4);
    Cid cid = pieceOf(b);
    try (FsPieceStore s = store()) {
      try (PieceWriter w = s.create(cid)) {
        w.out().write(b);
        w.commit();
      }
    }
    // what a crash leaves: a temp file whose writer died with the process
    Path crashed = dir.resolve("pieces").resolve("." + cid + ".0123456789abcdef.tmp");
    Files.write(crashed, new byte[100]);
    Files.writeString(dir.resolve("pieces/unrelated.txt"), "sealer's own file");
    try (FsPieceStore first = store()) {
      assertThat(names()).containsExactlyInAnyOrder(cid.toString(), "unrelated.txt");
      try (InputStream in = first.open(cid, 0)) {
        assertThat(in.readAllBytes()).isEqualTo(b);
      }
      // a second store object on the same directory (same process) leaves a running write alone
      try (PieceWriter live = first.create(cid)) {
        live.out().write(b);
        live.out().flush();
        try (FsPieceStore second = store()) {
          assertThat(names()).hasSize(3).anyMatch(n -> n.startsWith("." + cid) && n.endsWith(".tmp"));
        }
        live.commit();
      }
      assertThat(names()).containsExactlyInAnyOrder(cid.toString(), "unrelated.txt");
    }
  }

  @Test
  void putFileCopiesAtomicallyAndReplacesAnEarlierCopy() throws IOException {
    byte[] b = data(2_000_000, 5);
    Cid cid = pieceOf(b);
    Path src = dir.resolve("in.car");
    Files.write(src, b);
    try (FsPieceStore s = store()) {
      s.putFile(cid, src);
      s.putFile(cid, src);
      assertThat(Files.exists(src)).isTrue();
      assertThat(names()).containsExactly(cid.toString());
      assertThat(Files.readAllBytes(Path.of(s.location(cid)))).isEqualTo(b);
    }
  }

  @Test
  void readOnlyStoreRefusesWritesButReads() throws IOException {
    byte[] b = data(1000, 6);
    Cid cid = pieceOf(b);
    try (FsPieceStore s = store()) {
      try (PieceWriter w = s.create(cid)) {
        w.out().write(b);
        w.commit();
      }
    }
    try (FsPieceStore ro = FsPieceStore.open(new FsStoreConfig("sealer-ro", dir.resolve("pieces").toString(), true))) {
      assertThat(ro.readOnly()).isTrue();
      assertThat(ro.size(cid)).hasValue(1000);
      assertThatThrownBy(() -> ro.create(cid)).isInstanceOf(ReadOnlyPieceStoreException.class)
          .hasMessageContaining("sealer-ro").hasMessageContaining("read-only");
      Path src = dir.resolve("x");
      Files.write(src, b);
      assertThatThrownBy(() -> ro.putFile(cid, src)).isInstanceOf(ReadOnlyPieceStoreException.class);
    }
  }

  @Test
  void badDirectoryIsAClearError() throws IOException {
    Path file = dir.resolve("afile");
    Files.writeString(file, "x");
    assertThatThrownBy(() -> FsPieceStore.open(new FsStoreConfig("fs", file.toString(), false)))
        .isInstanceOf(PieceStoreException.class).hasMessageContaining("[PieceStorage.Fs] Path");
    assertThatThrownBy(() -> FsPieceStore.open(new FsStoreConfig("fs", dir.resolve("missing").toString(), true)))
        .isInstanceOf(PieceStoreException.class).hasMessageContaining("is not a directory");
  }

  @Test
  void piecesRouteWritesToTheFirstWritableStoreAndFindReadsAnywhere() throws IOException {
    byte[] b1 = data(1000, 7);
    byte[] b2 = data(2000, 8);
    Cid c1 = pieceOf(b1);
    Cid c2 = pieceOf(b2);
    Path roDir = dir.resolve("ro");
    try (FsPieceStore seed = FsPieceStore.open(new FsStoreConfig("seed", roDir.toString(), false));
        PieceWriter w = seed.create(c1)) {
      w.out().write(b1);
      w.commit();
    }
    try (PieceStores all = new PieceStores(List.of(
        FsPieceStore.open(new FsStoreConfig("old", roDir.toString(), true)), store()))) {
      assertThat(all.writable()).get().extracting(PieceStore::name).isEqualTo("fs");
      try (PieceWriter w = all.create(c2)) {
        w.out().write(b2);
        w.commit();
      }
      assertThat(Files.exists(dir.resolve("pieces").resolve(c2.toString()))).isTrue();
      assertThat(all.find(c1)).get().extracting(PieceStore::name).isEqualTo("old");
      assertThat(all.location(c1)).isEqualTo(roDir.resolve(c1.toString()).toString());
      try (InputStream in = all.open(c1, 10)) {
        assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(b1, 10, b1.length));
      }
      assertThat(all.size(c2)).hasValue(2000);
    }
    try (PieceStores none = new PieceStores(List.of())) {
      assertThatThrownBy(() -> none.create(c1)).isInstanceOf(PieceStoreException.class)
          .hasMessageContaining("--piecestorage=fs:");
    }
  }
}
