package venus.market.client.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.core.multiformats.Cid;

class ImportStoreTest {

  private static final Cid ROOT = Cid.parse("bafk2bzacedgv2xqys5ja4gycqipmg543ekxz3tjj6wwfexda352n55ahjldja");

  @TempDir
  Path repo;

  @Test
  void recordsSurviveReopenAndIdsIncrease() throws IOException {
    ImportStore store = ImportStore.open(repo);
    ImportRecord a = store.add(ROOT, "import", "/data/a", 10, null);
    ImportRecord b = store.add(ROOT, "import", "/data/b", 20, "/data/b.car");

    assertThat(b.id()).isGreaterThan(a.id());
    assertThat(ImportStore.open(repo).list()).containsExactly(a, b);
    assertThat(ImportStore.open(repo).get(b.id()).carPath()).isEqualTo("/data/b.car");
  }

  @Test
  void idsStayAboveExistingOnesEvenIfTheClockIsBehind() throws IOException {
    ImportStore store = ImportStore.open(repo);
    long future = Long.MAX_VALUE - 10;
    Files.writeString(repo.resolve("imports/" + future + ".json.tmp"), "");

    assertThat(store.add(ROOT, "import", "/x", 1, null).id()).isEqualTo(future + 1);
  }

  @Test
  void strayFilesAreIgnoredAndCorruptRecordsReported() throws IOException {
    ImportStore store = ImportStore.open(repo);
    Files.writeString(repo.resolve("imports/notes.json"), "{}");
    assertThat(store.list()).isEmpty();

    Files.writeString(repo.resolve("imports/42.json"), "{\"id\": 42, \"root\": \"not-a-cid\"");
    assertThatThrownBy(store::list).isInstanceOf(ImportStoreException.class).hasMessageContaining("42.json is corrupt");

    Files.writeString(repo.resolve("imports/42.json"), "{\"id\": 43}");
    assertThatThrownBy(store::list).isInstanceOf(ImportStoreException.class)
        .hasMessageContaining("holds ID 43, not the one in its name");

    Files.writeString(repo.resolve("imports/42.json"), "{\"id\": 42}");
    assertThatThrownBy(store::list).isInstanceOf(ImportStoreException.class).hasMessageContaining("has no 'root'");
  }

  @Test
  void removingAnUnknownIdFails() throws IOException {
    assertThatThrownBy(() -> ImportStore.open(repo).remove(7)).isInstanceOf(ImportNotFoundException.class)
        .hasMessage("no import with ID 7 (see 'market-client data local')");
  }
}
