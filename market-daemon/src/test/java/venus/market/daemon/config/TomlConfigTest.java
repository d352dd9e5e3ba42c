package venus.market.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TomlConfigTest {
  @Test
  void emptyFileGivesDefaults() {
    MarketConfig c = TomlConfigReader.parse("", "config.toml");
    assertThat(c).isEqualTo(MarketConfig.defaults());
    assertThat(c.api().listenAddress()).isEqualTo("/ip4/127.0.0.1/tcp/41235");
    assertThat(c.policy().publishMsgPeriod()).isEqualTo(Duration.ofHours(1));
    assertThat(c.policy().maxDealsPerPublishMsg()).isEqualTo(8);
  }

  @Test
  void defaultConfigRoundTrips() {
    String text = TomlConfigWriter.write(MarketConfig.defaults());
    assertThat(text).contains("ListenAddress = \"/ip4/127.0.0.1/tcp/41235\"")
        .contains("[PieceStorage.Fs]").contains("[PieceStorage.S3]").contains("PublishMsgPeriod = \"1h0m0s\"")
        .contains("MaxPublishDealsFee = \"0 FIL\"").contains("ExpectedSealDuration = \"24h0m0s\"")
        .contains("MaxDealStartDelay = \"336h0m0s\"").contains("[Node]").contains("[Signer]")
        .contains("[Messager]").contains("# [[StorageMiners]]").contains("# ");
    assertThat(TomlConfigReader.parse(text, "config.toml")).isEqualTo(MarketConfig.defaults());
  }

  @Test
  void readsTheGuidesSections() {
    String toml = """
        PublishMsgPeriod = "10s"
        [API]
        ListenAddress = "/ip4/0.0.0.0/tcp/41235"
        [PieceStorage]
          [PieceStorage.Fs]
            Enable = false
            Path = ""
          [PieceStorage.S3]
            Enable = true
            EndPoint = "http://oss-cn-shanghai.aliyuncs.com/venus-market-test"
            AccessKey = "LTAI5t6HiFgsqN6eVJ"
            SecretKey = "AlFNH9NakUsVjVRxMHaaYP7p"
            Token = ""
        """;
    MarketConfig c = TomlConfigReader.parse(toml, "config.toml");
    assertThat(c.policy().publishMsgPeriod()).isEqualTo(Duration.ofSeconds(10));
    assertThat(c.api().listenAddress()).isEqualTo("/ip4/0.0.0.0/tcp/41235");
    assertThat(c.pieceStorage().fs()).isEmpty();
    S3StoreConfig s3 = c.pieceStorage().s3().get(0);
    assertThat(s3.endPoint()).isEqualTo("http://oss-cn-shanghai.aliyuncs.com");
    assertThat(s3.bucket()).isEqualTo("venus-market-test");
    assertThat(s3.accessKey()).isEqualTo("LTAI5t6HiFgsqN6eVJ");
    assertThat(s3.toString()).doesNotContain("AlFNH9").doesNotContain("LTAI5");
  }

  @Test
  void fullConfigWithMinerOverridesRoundTrips() {
    MarketConfig c = MarketConfig.defaults()
        .withPolicy(DealPolicy.defaults().with(PolicyKey.PublishMsgPeriod, Duration.ofSeconds(10))
            .with(PolicyKey.MaxPublishDealsFee, new BigInteger("50000000000000000"))
            .with(PolicyKey.PieceCidBlocklist, List.of("baga6ea4seaqpz47j4kqdiixpehmzk3uw5c4cmqvs5iyi7xf7rwkepfhdvowdiai")))
        .withNode(new EndpointConfig("/ip4/127.0.0.1/tcp/3453", "tok\"en"))
        .withSigner(new SignerConfig("wallet", "/ip4/127.0.0.1/tcp/5678/http", "wtoken"))
        .withPieceStorage(new PieceStorageConfig(
            List.of(new FsStoreConfig("a", "/mnt/a", false), new FsStoreConfig("b", "/mnt/b", true)),
            List.of(new S3StoreConfig("s", "http://127.0.0.1:9000", "bkt", "sub", "us-east-1", "ak", "sk", "", false))))
        .withMiner("t01000", "acct")
        .withMiner("t01001", "");
    StorageMinerConfig m = c.storageMiners().get(0).override(PolicyKey.MaxDealsPerPublishMsg, 2)
        .override(PolicyKey.ConsiderOfflineStorageDeals, false);
    c = c.withStorageMiners(List.of(m, c.storageMiners().get(1)));
    String text = TomlConfigWriter.write(c);
    assertThat(text).contains("[[PieceStorage.Fs]]").contains("[[StorageMiners]]");
    MarketConfig back = TomlConfigReader.parse(text, "config.toml");
    assertThat(back).isEqualTo(c);
    assertThat(back.policyFor("f01000").maxDealsPerPublishMsg()).isEqualTo(2);
    assertThat(back.policyFor("t01000").publishMsgPeriod()).isEqualTo(Duration.ofSeconds(10));
    assertThat(back.policyFor("t01001").maxDealsPerPublishMsg()).isEqualTo(8);
  }

  @Test
  void minerInheritsChangedGlobalPolicy() {
    String toml = """
        MaxDealsPerPublishMsg = 4
        [[StorageMiners]]
        Addr = "t01000"
        Account = "a"
        PublishMsgPeriod = "5s"
        """;
    MarketConfig c = TomlConfigReader.parse(toml, "config.toml");
    assertThat(c.policyFor("t01000").maxDealsPerPublishMsg()).isEqualTo(4);
    assertThat(c.policyFor("t01000").publishMsgPeriod()).isEqualTo(Duration.ofSeconds(5));
    MarketConfig changed = c.withPolicy(c.policy().with(PolicyKey.MaxDealsPerPublishMsg, 6));
    assertThat(changed.policyFor("t01000").maxDealsPerPublishMsg()).isEqualTo(6);
    assertThat(changed.policyFor("t01000").publishMsgPeriod()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void badValueNamesKeyValueAndWhatIsAllowed() {
    assertThatThrownBy(() -> TomlConfigReader.parse("PublishMsgPeriod = \"10x\"\n", "config.toml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("PublishMsgPeriod = \"10x\"")
        .hasMessageContaining("line 1")
        .hasMessageContaining("duration");
    assertThatThrownBy(() -> TomlConfigReader.parse("MaxDealsPerPublishMsg = 0\n", "config.toml"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("MaxDealsPerPublishMsg = 0")
        .hasMessageContaining("whole number from 1");
    assertThatThrownBy(() -> TomlConfigReader.parse("[API]\nListenAddress = \"localhost:41235\"\n", "c.toml"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("API.ListenAddress = \"localhost:41235\"")
        .hasMessageContaining("line 2").hasMessageContaining("multiaddr");
    assertThatThrownBy(() -> TomlConfigReader.parse("MaxPublishDealsFee = \"lots\"\n", "c.toml"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("MaxPublishDealsFee").hasMessageContaining("FIL amount");
    assertThatThrownBy(() -> TomlConfigReader.parse("[[StorageMiners]]\nAddr = \"x01000\"\n", "c.toml"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("StorageMiners[0].Addr = \"x01000\"");
    assertThatThrownBy(() -> TomlConfigReader.parse("[Signer]\nType = \"gateway\"\n", "c.toml"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("Signer.Type = \"gateway\"");
    assertThatThrownBy(() -> TomlConfigReader.parse("[PieceStorage.Fs]\nEnable = true\nPath = \"rel\"\n", "c.toml"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("PieceStorage.Fs.Path = \"rel\"");
  }

  @Test
  void unknownKeysAndBrokenTomlAreErrors() {
    assertThatThrownBy(() -> TomlConfigReader.parse("PublishMsgPeriods = \"10s\"\n", "c.toml"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("unknown key PublishMsgPeriods");
    assertThatThrownBy(() -> TomlConfigReader.parse("[API]\nListen = 1\n", "c.toml"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("unknown key API.Listen");
    assertThatThrownBy(() -> TomlConfigReader.parse("PublishMsgPeriod = \n", "c.toml"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("not valid TOML");
  }

  @Test
  void nulInArrayTableHeaderIsAConfigErrorNotTomljAssertion() throws Exception {
    // fuzz finding: NULs in a [[...]] header made tomlj's error recovery throw AssertionError (under -ea)
    String crash = java.nio.file.Files.readString(Path.of("src/test/resources/venus/market/daemon/fuzz/"
        + "DaemonDecodersFuzzTestInputs/configFailsOnlyWithConfigException/nul-in-array-table-header"));
    assertThatThrownBy(() -> TomlConfigReader.parse(crash, "c.toml")).isInstanceOf(ConfigException.class)
        .hasMessage("c.toml line 1: control character U+0000 is not allowed in TOML (only tab and line ends are);"
            + " remove it");
    assertThatThrownBy(() -> TomlConfigReader.parse("# ok\nTransferPath = \"/tmp/\u0007\"\n", "c.toml"))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("c.toml line 2: control character U+0007");
    assertThat(TomlConfigReader.parse("\tTransferPath = \"/tmp/t\"\r\n", "c.toml").transferPath()).isEqualTo("/tmp/t");
  }

  @Test
  void legacyDropletSectionsAreAccepted() {
    String toml = """
        TransfePath = "/tmp/x"
        [Mysql]
          ConnectionString = ""
        [DAGStore]
          RootDir = ""
        [PieceStorage.PreSignS3]
          Enable = false
        """;
    assertThat(TomlConfigReader.parse(toml, "c.toml").transferPath()).isEqualTo("/tmp/x");
  }

  @Test
  void secretsAreNotInToString() {
    MarketConfig c = MarketConfig.defaults().withNode(new EndpointConfig("/ip4/1.2.3.4/tcp/1", "secret-node-token"))
        .withSigner(new SignerConfig("wallet", "/ip4/1.2.3.4/tcp/2", "secret-wallet-token"))
        .withApi(new ApiConfig("/ip4/127.0.0.1/tcp/1", "", "00112233445566778899aabbccddeeff", Duration.ofSeconds(1)));
    assertThat(c.toString()).doesNotContain("secret-node-token").doesNotContain("secret-wallet-token")
        .doesNotContain("00112233445566778899aabbccddeeff");
  }

  @Test
  void stagingLimitUsesBoostsKeyAndRoundTrips() {
    MarketConfig c = TomlConfigReader.parse("MaxStagingDealsBytes = 2000000000\nTransferPath = \"/tmp/t\"\n", "c.toml");
    assertThat(c.transfers().maxStagingDealsBytes()).isEqualTo(2_000_000_000L);
    assertThat(TomlConfigReader.parse(TomlConfigWriter.write(c), "c.toml")).isEqualTo(c);
    assertThat(TomlConfigReader.parse("", "c.toml").transfers().maxStagingDealsBytes()).isZero();
    assertThatThrownBy(() -> TomlConfigReader.parse("MaxStagingDealsBytes = -1\n", "c.toml"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("MaxStagingDealsBytes")
        .hasMessageContaining("whole number of bytes");
  }

  @Test
  void libp2pInboundLimitsAreReadCheckedAndRoundTrip() {
    String toml = """
        [Libp2p]
        MaxHandshakesPerAddress = 2
        MaxConnectionsPerAddress = 3
        MaxStreamHandlers = 400
        MaxStreamHandlersPerPeer = 5
        MaxStreamHandlersPerAddress = 6
        LimitLoopback = false
        MaxBufferedBytes = 1073741824
        MaxBufferedBytesPerConnection = 7
        MaxBufferedBytesPerAddress = 8
        """;
    MarketConfig c = TomlConfigReader.parse(toml, "config.toml");
    assertThat(c.libp2p().inboundLimits()).isEqualTo(new venus.market.p2p.host.InboundLimits(2, 3, 400, 5, 6, false,
        1L << 30, 7, 8));
    assertThat(TomlConfigReader.parse(TomlConfigWriter.write(c), "config.toml")).isEqualTo(c);
    assertThat(MarketConfig.defaults().libp2p().inboundLimits()).isEqualTo(venus.market.p2p.host.InboundLimits.defaults());
    assertThatThrownBy(() -> TomlConfigReader.parse("[Libp2p]\nMaxStreamHandlersPerPeer = 0\n", "config.toml"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("MaxStreamHandlersPerPeer");
    assertThatThrownBy(() -> TomlConfigReader.parse("[Libp2p]\nMaxBufferedBytesPerAddress = 0\n", "config.toml"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("MaxBufferedBytesPerAddress")
        .hasMessageContaining("1 or more");
    assertThatThrownBy(() -> TomlConfigReader.parse("[Libp2p]\nMaxBufferedBytes = \"256MiB\"\n", "config.toml"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("MaxBufferedBytes");
    // unset keys keep the defaults of the others
    assertThat(TomlConfigReader.parse("[Libp2p]\nMaxBufferedBytesPerAddress = 1048576\n", "config.toml").libp2p()
        .inboundLimits()).isEqualTo(venus.market.p2p.host.InboundLimits.defaults().withBufferedBytes(
            venus.market.p2p.host.InboundLimits.DEFAULT_BUFFERED_BYTES,
            venus.market.p2p.host.InboundLimits.DEFAULT_BUFFERED_BYTES_PER_CONNECTION, 1L << 20));
  }

  @Test
  void theExampleConfigIsTheWrittenDefault() throws Exception {
    Path example = Path.of("..", "config", "venus-market.config.toml");
    assertThat(java.nio.file.Files.readString(example)).isEqualTo(TomlConfigWriter.write(MarketConfig.defaults()));
  }
}
