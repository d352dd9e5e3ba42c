package venus.market.daemon.config;

import java.util.List;

/**
 * {@code [PieceStorage]}: every configured piece store (file system and S3), and the directories
 * {@code storage-deals import-data} may read CAR files from ({@code AllowedImportDirs}; empty = any readable file).
 */
public record PieceStorageConfig(List<FsStoreConfig> fs, List<S3StoreConfig> s3, List<String> allowedImportDirs) {
  public PieceStorageConfig {
    fs = List.copyOf(fs);
    s3 = List.copyOf(s3);
    allowedImportDirs = List.copyOf(allowedImportDirs);
  }

  public PieceStorageConfig(List<FsStoreConfig> fs, List<S3StoreConfig> s3) {
    this(fs, s3, List.of());
  }

  public static PieceStorageConfig none() {
    return new PieceStorageConfig(List.of(), List.of());
  }

  /** The same stores with other import directories. */
  public PieceStorageConfig withAllowedImportDirs(List<String> dirs) {
    return new PieceStorageConfig(fs, s3, dirs);
  }

  /** True when no piece store is configured (import directories do not count). */
  public boolean isEmpty() {
    return fs.isEmpty() && s3.isEmpty();
  }
}
