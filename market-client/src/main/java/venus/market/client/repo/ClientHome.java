package venus.market.client.repo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import venus.market.client.config.ClientConfig;
import venus.market.client.config.ClientConfigToml;

/**
 * The client repo ({@code ~/.marketclient}): {@code config.toml}, {@code api} (RPC listen multiaddr) and {@code token}
 * (admin JWT) while the daemon runs, {@code keystore/} (JWT secret, libp2p key), {@code metadata/} (RocksDB: deals),
 * {@code imports/} (one JSON record per import, shared with the daemon-less data commands) and {@code deal-cars/}
 * (the CARs online deals serve). Small files are written via a temp file and renamed.
 */
public final class ClientHome {
  private final Path root;

  private ClientHome(Path root) {
    this.root = root;
  }

  public static ClientHome open(Path root) throws IOException {
    Files.createDirectories(root.resolve("keystore"));
    restrict(root.resolve("keystore"), "rwx------");
    return new ClientHome(root);
  }

  public Path root() {
    return root;
  }

  public Path configFile() {
    return root.resolve("config.toml");
  }

  public Path apiFile() {
    return root.resolve("api");
  }

  public Path tokenFile() {
    return root.resolve("token");
  }

  public Path metadataDir() {
    return root.resolve("metadata");
  }

  public Path carsDir() {
    return root.resolve("deal-cars");
  }

  /** Keys of the local wallet ({@code market-client wallet import}); one lotus-export hex file per address. */
  public Path walletDir() {
    return root.resolve("keystore").resolve("wallet");
  }

  public Path libp2pKeyFile() {
    return root.resolve("keystore").resolve("libp2p.key");
  }

  /** The config file's settings, or the defaults when there is none yet. */
  public ClientConfig loadConfig() throws IOException {
    return Files.exists(configFile()) ? ClientConfigToml.read(configFile()) : ClientConfig.defaults();
  }

  public void saveConfig(ClientConfig c) throws IOException {
    writeAtomic(configFile(), ClientConfigToml.write(c), false);
  }

  /** The JWT HMAC secret, created once (32 random bytes, hex, owner-only). */
  public byte[] jwtSecret(SecureRandom random) throws IOException {
    Path f = root.resolve("keystore").resolve("jwt-secret");
    if (Files.exists(f)) {
      return HexFormat.of().parseHex(Files.readString(f).strip());
    }
    byte[] s = new byte[32];
    random.nextBytes(s);
    writeAtomic(f, HexFormat.of().formatHex(s), true);
    return s;
  }

  public void writeApi(String multiaddr) throws IOException {
    writeAtomic(apiFile(), multiaddr, false);
  }

  public void writeToken(String token) throws IOException {
    writeAtomic(tokenFile(), token, true);
  }

  /** Removes the api file on shutdown so commands report "not running" instead of a refused connection. */
  public void removeApi() {
    try {
      Files.deleteIfExists(apiFile());
    } catch (IOException ignored) {
      // best effort: a stale file only makes the next command's error less precise
    }
  }

  /** The running daemon's API multiaddr and token, or a message telling the operator to start it. */
  public String[] apiAndToken() throws IOException {
    try {
      return new String[] {Files.readString(apiFile()).strip(), Files.readString(tokenFile()).strip()};
    } catch (NoSuchFileException e) {
      throw new DaemonNotRunningException(root);
    }
  }

  /** Temporary file + rename: readers see the old or the new content, never half; {@code secret} = owner-only. */
  public static void writeAtomic(Path f, String content, boolean secret) throws IOException {
    Path tmp = Files.createTempFile(f.getParent(), "." + f.getFileName(), ".tmp");
    try {
      if (secret) {
        restrict(tmp, "rw-------");
      }
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void restrict(Path p, String perms) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    }
  }
}
