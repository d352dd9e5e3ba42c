package venus.market.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code [PieceStorage] AllowedImportDirs}: read, validated, written back, kept by the --piecestorage flag. */
class AllowedImportDirsConfigTest {
  @Test
  void readWrittenAndReadBack() {
    MarketConfig c = TomlConfigReader.parse("""
        [PieceStorage]
        AllowedImportDirs = ["/data/cars", "/mnt/offline"]
          [PieceStorage.Fs]
          Enable = true
          Path = "/mnt/piece"
        """, "c.toml");
    assertThat(c.pieceStorage().allowedImportDirs()).containsExactly("/data/cars", "/mnt/offline");
    String text = TomlConfigWriter.write(c);
    assertThat(text).contains("AllowedImportDirs = [\"/data/cars\", \"/mnt/offline\"]");
    assertThat(TomlConfigReader.parse(text, "again.toml")).isEqualTo(c);
    assertThat(TomlConfigReader.parse(TomlConfigWriter.write(MarketConfig.defaults()), "d.toml").pieceStorage()
        .allowedImportDirs()).isEmpty();
  }

  @Test
  void relativeDirectoriesAreRefused() {
    assertThatThrownBy(() -> TomlConfigReader.parse("[PieceStorage]\nAllowedImportDirs = [\"cars\"]\n", "c.toml"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("AllowedImportDirs")
        .hasMessageContaining("absolute");
  }

  @Test
  void thePieceStorageFlagReplacesTheStoresButKeepsTheImportDirs() {
    MarketConfig c = MarketConfig.defaults().withPieceStorage(
        PieceStorageConfig.none().withAllowedImportDirs(List.of("/data/cars")));
    MarketConfig after = ConfigOverrides.pieceStorage("fs:/mnt/other").apply(c);
    assertThat(after.pieceStorage().fs()).extracting(FsStoreConfig::path).containsExactly("/mnt/other");
    assertThat(after.pieceStorage().allowedImportDirs()).containsExactly("/data/cars");
  }
}
