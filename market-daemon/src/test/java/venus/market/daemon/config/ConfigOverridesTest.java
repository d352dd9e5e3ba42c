package venus.market.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfigOverridesTest {
  @Test
  void fsPieceStorageFlag() {
    PieceStorageConfig ps = PieceStorageFlag.parse("fs:/Users/zl/Downloads/pieces_solo");
    assertThat(ps.fs()).containsExactly(new FsStoreConfig("fs", "/Users/zl/Downloads/pieces_solo", false));
    assertThat(ps.s3()).isEmpty();
  }

  @Test
  void s3PieceStorageFlagInTheGuidesForm() {
    S3StoreConfig s = PieceStorageFlag.parse("s3:AK:SK:TOK@oss-cn-shanghai.aliyuncs.com/venus-market-test").s3().get(0);
    assertThat(s.accessKey()).isEqualTo("AK");
    assertThat(s.secretKey()).isEqualTo("SK");
    assertThat(s.token()).isEqualTo("TOK");
    assertThat(s.endPoint()).isEqualTo("https://oss-cn-shanghai.aliyuncs.com");
    assertThat(s.bucket()).isEqualTo("venus-market-test");
    S3StoreConfig noToken = PieceStorageFlag.parse("s3:AK:SK@http://127.0.0.1:9000/b").s3().get(0);
    assertThat(noToken.token()).isEmpty();
    assertThat(noToken.endPoint()).isEqualTo("http://127.0.0.1:9000");
  }

  @Test
  void badPieceStorageFlagsSayWhyWithoutLeakingKeys() {
    assertThatThrownBy(() -> PieceStorageFlag.parse("oss:/x")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("fs or s3");
    assertThatThrownBy(() -> PieceStorageFlag.parse("fs:relative")).hasMessageContaining("absolute path");
    assertThatThrownBy(() -> PieceStorageFlag.parse("s3:AK:SECRET@host.example.com"))
        .hasMessageContaining("bucket").hasMessageNotContaining("SECRET");
    assertThatThrownBy(() -> PieceStorageFlag.parse("s3:AKONLY@host.example.com/b"))
        .hasMessageContaining("<accessKey>:<secretKey>");
  }

  @Test
  void flagsOverrideAndMinersDoNotDuplicate() {
    MarketConfig c = MarketConfig.defaults();
    c = ConfigOverrides.nodeUrl("/ip4/192.168.200.19/tcp/3453/").apply(c);
    c = ConfigOverrides.nodeToken("ntok").apply(c);
    c = ConfigOverrides.walletUrl("/ip4/127.0.0.1/tcp/5678/http").apply(c);
    c = ConfigOverrides.walletToken("wtok").apply(c);
    c = ConfigOverrides.miner("t01051:accountName").apply(c);
    c = ConfigOverrides.miner("f01051:other").apply(c);
    c = ConfigOverrides.miner("t01052").apply(c);
    assertThat(c.node()).isEqualTo(new EndpointConfig("/ip4/192.168.200.19/tcp/3453/", "ntok"));
    assertThat(c.signer()).isEqualTo(new SignerConfig("wallet", "/ip4/127.0.0.1/tcp/5678/http", "wtok"));
    assertThat(c.storageMiners()).extracting(StorageMinerConfig::addr).containsExactly("t01051", "t01052");
    assertThat(c.storageMiners().get(0).account()).isEqualTo("other");
  }

  @Test
  void badFlagValuesAreConfigErrors() {
    assertThatThrownBy(() -> ConfigOverrides.miner("miner1")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("--miner = \"miner1\"");
    assertThatThrownBy(() -> ConfigOverrides.nodeUrl("192.168.1.1:3453")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("--node-url");
  }
}
