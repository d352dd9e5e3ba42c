package venus.market.p2p.crypto;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The node's identity key on disk: the libp2p {@code PrivateKey} protobuf bytes, owner-only permissions. The peer
 * ID must survive restarts (it is registered on chain), so the file is created once and then only read.
 */
public final class HostKeyFile {

  private HostKeyFile() {}

  /** Reads the key at {@code path}, or creates a new Ed25519 key there if the file does not exist. */
  public static PrivKey loadOrCreate(Path path) throws IOException {
    if (Files.exists(path)) {
      return load(path);
    }
    PrivKey key = Ed25519.generate();
    write(path, key);
    return key;
  }

  public static PrivKey load(Path path) throws IOException {
    long size = Files.size(path);
    if (size > KeyProtobuf.MAX_KEY_BYTES) {
      throw new KeyException("host key file " + path + " is " + size + " bytes; not a libp2p private key");
    }
    try {
      return KeyProtobuf.decodePrivate(Files.readAllBytes(path));
    } catch (KeyException e) {
      throw new KeyException("host key file " + path + " is not a valid libp2p private key: " + e.getMessage(), e);
    }
  }

  /** Writes atomically (temp file + rename) and refuses to overwrite an existing key. */
  public static void write(Path path, PrivKey key) throws IOException {
    Path dir = path.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    if (Files.exists(path)) {
      throw new FileAlreadyExistsException(path.toString(), null, "refusing to overwrite an existing host key");
    }
    Path tmp = Files.createTempFile(dir, ".hostkey", ".tmp");
    try {
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // non-POSIX file system: keep the default permissions
      }
      Files.write(tmp, key.bytes());
      try {
        Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, path);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
