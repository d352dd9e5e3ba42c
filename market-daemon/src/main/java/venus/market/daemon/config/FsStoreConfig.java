package venus.market.daemon.config;

import java.util.Objects;

/** One file-system piece store: pieces live in {@code <path>/<pieceCid>}. */
public record FsStoreConfig(String name, String path, boolean readOnly) {
  public FsStoreConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
  }
}
