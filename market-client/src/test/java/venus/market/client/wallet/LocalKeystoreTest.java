package venus.market.client.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.core.MarketException;
import venus.market.core.address.Address;
import venus.market.core.crypto.CryptoException;
import venus.market.core.crypto.SigType;
import venus.market.core.crypto.Signature;
import venus.market.core.wallet.KeyPair;
import venus.market.core.wallet.SignatureVerifier;

/** The repo keystore: lotus-export hex in, owner-only files, signatures that verify against the address. */
class LocalKeystoreTest {
  @TempDir Path dir;

  @Test
  void importedKeysSignForTheirAddressSecpAndBls() throws Exception {
    LocalKeystore ks = new LocalKeystore(dir.resolve("wallet"));
    LocalWalletSigner signer = new LocalWalletSigner(ks);
    for (SigType t : new SigType[] {SigType.SECP256K1, SigType.BLS}) {
      KeyPair k = KeyPair.generate(t, new SecureRandom());
      assertThat(ks.importHex(k.toKeyInfo().exportHex() + "\n")).isEqualTo(k.address());
      assertThat(ks.importHex(k.toKeyInfo().exportHex())).isEqualTo(k.address()); // again: harmless
      assertThat(signer.has(k.address())).isTrue();
      byte[] msg = "deal proposal bytes".getBytes();
      Signature s = signer.sign(k.address(), msg, ClientSigner.META_DEAL_PROPOSAL, null);
      assertThat(SignatureVerifier.verify(s, k.address(), msg)).isTrue();
      Path file = ks.dir().resolve("f" + k.address().toString().substring(1));
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
    Files.writeString(ks.dir().resolve("notes.txt"), "not a key");
    assertThat(ks.list()).hasSize(2);
  }

  @Test
  void missingOrMisfiledKeysSayWhatToDo() throws Exception {
    LocalKeystore ks = new LocalKeystore(dir.resolve("wallet"));
    KeyPair k = KeyPair.generate(SigType.SECP256K1, new SecureRandom());
    LocalWalletSigner signer = new LocalWalletSigner(ks);
    assertThat(signer.has(k.address())).isFalse();
    assertThatThrownBy(() -> signer.sign(k.address(), new byte[1], ClientSigner.META_UNKNOWN, null))
        .isInstanceOf(MarketException.class).hasMessageContaining("no key for " + k.address())
        .hasMessageContaining("market-client wallet import");
    KeyPair other = KeyPair.generate(SigType.SECP256K1, new SecureRandom());
    Files.createDirectories(ks.dir());
    Files.writeString(ks.dir().resolve("f" + k.address().toString().substring(1)), other.toKeyInfo().exportHex());
    assertThatThrownBy(() -> ks.get(k.address())).isInstanceOf(MarketException.class)
        .hasMessageContaining("holds the key of " + other.address());
    assertThatThrownBy(() -> ks.importHex("zz")).isInstanceOf(CryptoException.class);
    assertThat(ks.list()).containsExactly(k.address());
    assertThat(Address.parse(ks.list().get(0).toString())).isEqualTo(k.address());
  }
}
