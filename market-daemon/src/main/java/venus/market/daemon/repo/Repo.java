package venus.market.daemon.repo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The daemon's repo directory: {@code config.toml}, {@code api} (listen multiaddr), {@code token}
 * (admin JWT), {@code keystore/} (JWT secret, libp2p key) and {@code metadata/} (RocksDB). Files are
 * written to a temp file in the same directory and renamed, so a crash never leaves half a file.
 */
public final class Repo {
  public static final String CONFIG = "config.toml";
  public static final String API = "api";
  public static final String TOKEN = "token";
  private static final String KEYSTORE = "keystore";
  private static final String JWT_SECRET = "jwt-secret";
  private static final String LIBP2P_KEY = "libp2p.key";

  private final Path root;

  public Repo(Path root) {
    this.root = root;
  }

  /** Creates the directory tree if missing (owner-only permissions where the OS supports them). */
  public static Repo open(Path root) {
    try {
      Files.createDirectories(root);
      Files.createDirectories(root.resolve(KEYSTORE));
      restrict(root.resolve(KEYSTORE), "rwx------");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create repo " + root + ": " + e.getMessage(), e);
    }
    return new Repo(root);
  }

  public Path root() {
    return root;
  }

  public Path configFile() {
    return root.resolve(CONFIG);
  }

  public Path apiFile() {
    return root.resolve(API);
  }

  public Path tokenFile() {
    return root.resolve(TOKEN);
  }

  public Path metadataDir() {
    return root.resolve("metadata");
  }

  public boolean hasConfig() {
    return Files.isRegularFile(configFile());
  }

  /** The JWT secret, generated (32 random bytes) on first use and kept in keystore/jwt-secret. */
  public byte[] jwtSecret(SecureRandom random) {
    return keyFile(JWT_SECRET, random, 32);
  }

  /** The libp2p identity key file (protobuf PrivateKey); created once, so the peer id survives restarts. */
  public Path libp2pKeyFile() {
    return root.resolve(KEYSTORE).resolve(LIBP2P_KEY);
  }

  public Optional<String> readApi() {
    return readText(apiFile());
  }

  public Optional<String> readToken() {
    return readText(tokenFile());
  }

  public void writeConfig(String toml) {
    writeSecret(configFile(), toml.getBytes(StandardCharsets.UTF_8));
  }

  public void writeApi(String multiaddr) {
    writeAtomically(apiFile(), multiaddr.getBytes(StandardCharsets.UTF_8), "rw-r--r--");
  }

  public void writeToken(String jwt) {
    writeSecret(tokenFile(), jwt.getBytes(StandardCharsets.UTF_8));
  }

  /** Removes the api file on shutdown so the CLI reports "daemon not running" rather than a refused connection. */
  public void removeApi() {
    try {
      Files.deleteIfExists(apiFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private byte[] keyFile(String name, SecureRandom random, int size) {
    Path p = root.resolve(KEYSTORE).resolve(name);
    try {
      if (Files.exists(p)) {
        return HexFormat.of().parseHex(Files.readString(p, StandardCharsets.US_ASCII).trim());
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot read " + p + " (hex expected): " + e.getMessage(), e);
    }
    byte[] key = new byte[size];
    random.nextBytes(key);
    writeSecret(p, HexFormat.of().formatHex(key).getBytes(StandardCharsets.US_ASCII));
    return key;
  }

  private static Optional<String> readText(Path p) {
    try {
      return Files.exists(p) ? Optional.of(Files.readString(p, StandardCharsets.UTF_8).trim()) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
    }
  }

  private static void writeSecret(Path p, byte[] data) {
    writeAtomically(p, data, "rw-------");
  }

  private static void writeAtomically(Path p, byte[] data, String perms) {
    Path tmp = p.resolveSibling(p.getFileName() + ".tmp");
    try {
      Files.write(tmp, data);
      restrict(tmp, perms);
      try {
        Files.move(tmp, p, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + p + ": " + e.getMessage(), e);
    }
  }

  private static void restrict(Path p, String perms) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    }
  }
}
