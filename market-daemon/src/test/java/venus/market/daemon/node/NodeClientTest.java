package venus.market.daemon.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import venus.market.core.MarketException;
import venus.market.core.jsonrpc.Permission;
import venus.market.daemon.config.EndpointConfig;
import venus.market.daemon.testing.FakeFullNode;

class NodeClientTest {
  FakeFullNode node;

  @BeforeEach
  void start() throws Exception {
    node = new FakeFullNode();
  }

  @AfterEach
  void stop() throws Exception {
    node.close();
  }

  @Test
  void readsMinerInfoAndWorkerKey() {
    NodeClient c = NodeClient.connect(new EndpointConfig(node.url(), node.token(Permission.ADMIN)),
        Duration.ofSeconds(10), Retry.none());
    assertThat(c.chainHead().height()).isEqualTo(node.height());
    assertThat(c.stateMinerInfo(node.miner()).sectorSize()).isEqualTo(FakeFullNode.SECTOR_SIZE);
    assertThat(c.walletHas(node.workerKey().address())).isTrue();
  }

  @Test
  void missingPermissionNamesTheFlagToFix() {
    NodeClient c = NodeClient.connect(new EndpointConfig(node.url(), node.token(Permission.READ)),
        Duration.ofSeconds(10), Retry.none());
    assertThatThrownBy(() -> c.walletSign(node.workerKey().address(), new byte[] {1}))
        .isInstanceOf(MarketException.class).hasMessageContaining("WalletSign")
        .hasMessageContaining("need 'sign'").hasMessageContaining("--node-token");
  }

  @Test
  void badTokenIsReportedAsSuch() {
    NodeClient c = NodeClient.connect(new EndpointConfig(node.url(), "not.a.token"), Duration.ofSeconds(10),
        Retry.none());
    assertThatThrownBy(c::chainHead).isInstanceOf(MarketException.class).hasMessageContaining("rejected the token");
  }

  @Test
  void unreachableNodeFailsAfterRetries() {
    NodeClient c = NodeClient.connect(new EndpointConfig("/ip4/127.0.0.1/tcp/1", ""), Duration.ofSeconds(5),
        new Retry(Duration.ZERO, Duration.ZERO, 3, d -> { }));
    assertThatThrownBy(c::chainHead).isInstanceOf(MarketException.class)
        .hasMessageContaining("ChainHead failed after 3 attempts");
  }
}
