package venus.market.p2p.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.p2p.peer.PeerId;

/** libp2p/specs peer-ids test vectors: protobuf encodings and the derived peer IDs. */
class KeyVectorTest {

  private static final HexFormat HEX = HexFormat.of();

  private static String vector(String type, String kind, String field) throws IOException {
    String json;
    try (InputStream in = KeyVectorTest.class.getResourceAsStream("/vectors/libp2p/peer-id-key-vectors.json")) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Pattern p = Pattern.compile("\"type\": \"" + type + "\",\\s*\"kind\": \"" + kind + "\",([^}]*)}");
    Matcher m = p.matcher(json);
    assertThat(m.find()).as(type + " " + kind).isTrue();
    Matcher f = Pattern.compile("\"" + Pattern.quote(field) + "\": \"([^\"]+)\"").matcher(m.group(1));
    assertThat(f.find()).as(field).isTrue();
    return f.group(1);
  }

  @Test
  void ed25519PrivateKeyDecodesToThePublishedPublicKeyAndPeerId() throws IOException {
    PrivKey priv = KeyProtobuf.decodePrivate(HEX.parseHex(vector("ED25519", "private", "protobuf_hex")));
    assertThat(HEX.formatHex(priv.bytes())).isEqualTo(vector("ED25519", "private", "protobuf_hex"));
    assertThat(HEX.formatHex(priv.publicKey().bytes())).isEqualTo(vector("ED25519", "public", "protobuf_hex"));
    PeerId id = PeerId.fromPublicKey(priv.publicKey());
    assertThat(id.toString()).isEqualTo(vector("ED25519", "public", "peer_id_base58_(derived_here)"));
    assertThat(HEX.formatHex(id.bytes())).isEqualTo(vector("ED25519", "public", "peer_id_multihash_hex_(derived_here)"));
    assertThat(id.toString()).startsWith("12D3KooW");
    byte[] sig = priv.sign("hello".getBytes(StandardCharsets.UTF_8));
    assertThat(priv.publicKey().verify("hello".getBytes(StandardCharsets.UTF_8), sig)).isTrue();
    assertThat(priv.publicKey().verify("hellO".getBytes(StandardCharsets.UTF_8), sig)).isFalse();
    assertThat(id.publicKey()).contains(priv.publicKey());
  }

  @Test
  void secp256k1PrivateKeyDecodesToThePublishedPublicKeyAndPeerId() throws IOException {
    PrivKey priv = KeyProtobuf.decodePrivate(HEX.parseHex(vector("secp256k1", "private", "protobuf_hex")));
    assertThat(HEX.formatHex(priv.bytes())).isEqualTo(vector("secp256k1", "private", "protobuf_hex"));
    assertThat(HEX.formatHex(priv.publicKey().bytes())).isEqualTo(vector("secp256k1", "public", "protobuf_hex"));
    assertThat(PeerId.fromPublicKey(priv.publicKey()).toString())
        .isEqualTo(vector("secp256k1", "public", "peer_id_base58_(derived_here)")).startsWith("16Uiu2HA");
    byte[] msg = "noise-libp2p-static-key:x".getBytes(StandardCharsets.UTF_8);
    byte[] sig = priv.sign(msg);
    assertThat(sig[0]).isEqualTo((byte) 0x30); // DER sequence
    assertThat(priv.publicKey().verify(msg, sig)).isTrue();
    sig[sig.length - 1] ^= 1;
    assertThat(priv.publicKey().verify(msg, sig)).isFalse();
    assertThat(priv.publicKey().verify(msg, new byte[] {0x30, 0x02, 0x02})).isFalse();
  }

  @Test
  void largeKeysGetSha256PeerIds() throws IOException {
    byte[] ecdsa = HEX.parseHex(vector("ECDSA", "public", "protobuf_hex"));
    assertThatThrownBy(() -> KeyProtobuf.decodePublic(ecdsa)).isInstanceOf(KeyException.class).hasMessageContaining("ECDSA");
    PeerId id = PeerId.parse(vector("ECDSA", "public", "peer_id_base58_(derived_here)"));
    assertThat(HEX.formatHex(id.bytes())).isEqualTo(vector("ECDSA", "public", "peer_id_multihash_hex_(derived_here)"));
    assertThat(id.publicKey()).isEmpty();
  }

  @Test
  void malformedKeysAreRefusedWithKeyException() {
    assertThatThrownBy(() -> KeyProtobuf.decodePublic(HEX.parseHex("0801122001"))).isInstanceOf(KeyException.class);
    assertThatThrownBy(() -> KeyProtobuf.decodePublic(HEX.parseHex("0801"))).isInstanceOf(KeyException.class).hasMessageContaining("Data");
    assertThatThrownBy(() -> KeyProtobuf.decodePublic(HEX.parseHex("0809120100"))).isInstanceOf(KeyException.class).hasMessageContaining("unknown");
    assertThatThrownBy(() -> KeyProtobuf.decodePublic(HEX.parseHex("080112ff"))).isInstanceOf(KeyException.class);
    assertThatThrownBy(() -> KeyProtobuf.decodePublic(HEX.parseHex("08021221020000000000000000000000000000000000000000000000000000000000000007")))
        .isInstanceOf(KeyException.class).hasMessageContaining("curve point");
  }

  @Test
  void hostKeyFileIsCreatedOnceAndReloaded(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("keys/libp2p.key");
    PrivKey a = HostKeyFile.loadOrCreate(f);
    PrivKey b = HostKeyFile.loadOrCreate(f);
    assertThat(b.bytes()).isEqualTo(a.bytes());
    assertThat(a.type()).isEqualTo(KeyType.ED25519);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
    Files.write(dir.resolve("bad.key"), new byte[] {1, 2, 3});
    assertThatThrownBy(() -> HostKeyFile.load(dir.resolve("bad.key"))).isInstanceOf(KeyException.class).hasMessageContaining("bad.key");
  }
}
