package venus.market.client.wallet;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import venus.market.client.repo.ClientHome;
import venus.market.core.MarketException;
import venus.market.core.address.Address;
import venus.market.core.crypto.KeyInfo;
import venus.market.core.wallet.KeyPair;

/**
 * The client's own keys in {@code <repo>/keystore/wallet/<address>}: each file holds the key as {@code lotus wallet
 * export} prints it (hex of the KeyInfo JSON), owner-only. Files are read on every use, so a key imported while the
 * daemon runs is found at once.
 */
public final class LocalKeystore {
  private final Path dir;

  public LocalKeystore(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /** Stores a key given as {@code lotus wallet export} hex; returns its f1/f3 address. Re-importing is harmless. */
  public Address importHex(String hex) throws IOException {
    KeyPair k = KeyPair.fromKeyInfo(KeyInfo.importHex(hex));
    Files.createDirectories(dir);
    ClientHome.writeAtomic(file(k.address()), k.toKeyInfo().exportHex() + "\n", true);
    return k.address();
  }

  public Address store(KeyPair k) throws IOException {
    return importHex(k.toKeyInfo().exportHex());
  }

  public Optional<KeyPair> get(Address key) {
    Path f = file(key);
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    try {
      KeyPair k = KeyPair.fromKeyInfo(KeyInfo.importHex(Files.readString(f)));
      if (!k.address().equals(key)) {
        throw new MarketException("keystore file " + f + " holds the key of " + k.address() + ", not " + key
            + ": remove it and import the key again ('market-client wallet import')");
      }
      return Optional.of(k);
    } catch (IOException e) {
      throw new MarketException("cannot read keystore file " + f + ": " + e.getMessage(), e);
    }
  }

  public List<Address> list() throws IOException {
    List<Address> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      for (Path p : s) {
        String name = p.getFileName().toString();
        if (name.startsWith(".")) {
          continue;
        }
        try {
          out.add(Address.parse(name));
        } catch (RuntimeException e) {
          // not a key file (editor backup, …)
        }
      }
    }
    out.sort((a, b) -> a.toString().compareTo(b.toString()));
    return out;
  }

  /** File names use the t/f-neutral form so a key is found whatever network prefix the address is written with. */
  private Path file(Address a) {
    return dir.resolve("f" + a.toString().substring(1));
  }
}
