package venus.market.client.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientConfigTomlTest {
  @TempDir Path dir;

  @Test
  void writtenConfigReadsBackUnchanged() throws Exception {
    ClientConfig c = ClientConfig.defaults().withNode(new ClientConfig.Node("/ip4/127.0.0.1/tcp/3453", "tok\"en"))
        .withDefaultMarketAddress("t1abc")
        .withLibp2p(new ClientConfig.Libp2p(List.of("/ip4/127.0.0.1/tcp/0", "/ip6/::1/tcp/0"), ""))
        .withDeals(new ClientConfig.Deals(Duration.ofSeconds(5), 100))
        .withSigner(new ClientConfig.Signer(ClientConfig.Signer.WALLET, "/ip4/127.0.0.1/tcp/5678/http", "wt"));
    Path f = dir.resolve("config.toml");
    Files.writeString(f, ClientConfigToml.write(c));
    assertThat(ClientConfigToml.read(f)).isEqualTo(c);
  }

  @Test
  void missingKeysKeepDefaults() throws Exception {
    Path f = dir.resolve("config.toml");
    Files.writeString(f, "[Node]\n  Url = \"/ip4/1.2.3.4/tcp/1234\"\n");
    ClientConfig c = ClientConfigToml.read(f);
    assertThat(c.node().url()).isEqualTo("/ip4/1.2.3.4/tcp/1234");
    assertThat(c.api()).isEqualTo(ClientConfig.defaults().api());
    assertThat(c.deals()).isEqualTo(ClientConfig.defaults().deals());
  }

  @Test
  void badValuesNameTheKey() throws Exception {
    Path f = dir.resolve("config.toml");
    Files.writeString(f, "[Deals]\n  StatusInterval = \"soon\"\n");
    assertThatThrownBy(() -> ClientConfigToml.read(f)).isInstanceOf(ClientConfigException.class)
        .hasMessageContaining("Deals.StatusInterval");
    assertThatThrownBy(() -> HostPort.parse("API.ListenAddress", "127.0.0.1:1234"))
        .isInstanceOf(ClientConfigException.class).hasMessageContaining("API.ListenAddress");
    assertThat(HostPort.parse("k", "/ip6/::1/tcp/80/http").urlHost()).isEqualTo("[::1]");
  }

  @Test
  void signerDefaultsToTheNodeWalletAndRejectsUnknownTypes() throws Exception {
    Path f = dir.resolve("config.toml");
    Files.writeString(f, "DefaultMarketAddress = \"t1abc\"\n");
    assertThat(ClientConfigToml.read(f).signer()).isEqualTo(new ClientConfig.Signer("node", "", ""));
    Files.writeString(f, "[Signer]\n  Type = \"ledger\"\n");
    assertThatThrownBy(() -> ClientConfigToml.read(f)).isInstanceOf(ClientConfigException.class)
        .hasMessageContaining("[Signer] Type must be \"node\", \"wallet\" or \"local\", got \"ledger\"");
    Files.writeString(f, "[Signer]\n  Type = \"wallet\"\n");
    assertThatThrownBy(() -> ClientConfigToml.read(f)).isInstanceOf(ClientConfigException.class)
        .hasMessageContaining("needs Url (--wallet-url)");
  }

  @Test
  void theRepositorysExampleConfigReads() throws Exception {
    Path example = Path.of("..", "config", "market-client.config.toml");
    ClientConfig c = ClientConfigToml.read(example);
    assertThat(c.signer()).isEqualTo(new ClientConfig.Signer("node", "", ""));
    assertThat(c.deals()).isEqualTo(ClientConfig.defaults().deals());
  }
}
