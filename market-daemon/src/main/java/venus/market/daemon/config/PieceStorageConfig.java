package venus.market.daemon.config;

import java.util.List;

/** {@code [PieceStorage]}: every configured piece store (file system and S3). */
public record PieceStorageConfig(List<FsStoreConfig> fs, List<S3StoreConfig> s3) {
  public PieceStorageConfig {
    fs = List.copyOf(fs);
    s3 = List.copyOf(s3);
  }

  public static PieceStorageConfig none() {
    return new PieceStorageConfig(List.of(), List.of());
  }

  public boolean isEmpty() {
    return fs.isEmpty() && s3.isEmpty();
  }
}
