package venus.market.devnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.core.address.Address;
import venus.market.core.address.Network;
import venus.market.core.crypto.Signature;
import venus.market.core.jsonrpc.ApiInfo;
import venus.market.core.jsonrpc.ChannelListener;
import venus.market.core.jsonrpc.Permission;
import venus.market.core.jsonrpc.RpcClient;
import venus.market.core.jsonrpc.RpcRemoteException;
import venus.market.core.jsonrpc.RpcSubscription;
import venus.market.core.jsonrpc.RpcUnauthorizedException;
import venus.market.core.jsonrpc.RpcWsClient;
import venus.market.core.wallet.SignatureVerifier;
import venus.market.devnet.Devnet;
import venus.market.devnet.DevnetOptions;
import venus.market.core.amount.TokenAmount;
import venus.market.core.chain.SignedMessage;
import venus.market.core.chain.UnsignedMessage;
import venus.market.devnet.cli.DevnetCli;
import venus.market.devnet.rpc.Json;

class DevnetWalletAndNotifyTest {
  static final ObjectMapper M = new ObjectMapper();
  @TempDir Path repo;

  static String t(Address a) {
    return a.toString(Network.TESTNET);
  }

  @Test
  void chainNotifySendsCurrentThenOneApplyPerTipset() throws Exception {
    try (Devnet d = Devnet.start(repo, DevnetOptions.forTests())) {
      URI ws = URI.create(d.apiUrl().toString().replace("http://", "ws://"));
      BlockingQueue<JsonNode> changes = new LinkedBlockingQueue<>();
      try (RpcWsClient c = RpcWsClient.connect(ws, d.token(Permission.READ), M, Duration.ofSeconds(10));
          RpcSubscription sub = c.subscribe("Filecoin.ChainNotify", JsonNode.class, (ChannelListener<JsonNode>) changes::add)) {
        JsonNode first = changes.poll(10, TimeUnit.SECONDS);
        assertThat(first.get(0).get("Type").asText()).isEqualTo("current");
        assertThat(first.get(0).get("Val").get("Height").asLong()).isZero();
        d.mineTipset();
        d.mineTipset();
        JsonNode a1 = changes.poll(10, TimeUnit.SECONDS);
        JsonNode a2 = changes.poll(10, TimeUnit.SECONDS);
        assertThat(a1.get(0).get("Type").asText()).isEqualTo("apply");
        assertThat(a1.get(0).get("Val").get("Height").asLong()).isEqualTo(1);
        assertThat(a2.get(0).get("Val").get("Height").asLong()).isEqualTo(2);
        assertThat(a2.get(0).get("Val").get("Blocks").get(0).get("Parents").get(0))
            .isEqualTo(a1.get(0).get("Val").get("Cids").get(0));
      }
    }
  }

  @Test
  void venusWalletEndpointSignsChainMessagesOnlyWhenExtraMatches() throws Exception {
    try (Devnet d = Devnet.start(repo, DevnetOptions.forTests())) {
      ApiInfo info = ApiInfo.parse(d.walletApiInfo(Permission.ADMIN));
      RpcClient w = RpcClient.of(info, "v0", M, Duration.ofSeconds(10));
      Address client = d.account("client");
      JsonNode list = w.call("Filecoin.WalletList", JsonNode.class);
      assertThat(list.size()).isEqualTo(4);
      UnsignedMessage m = UnsignedMessage.builder().to(Address.newId(5)).from(client).value(TokenAmount.ofAtto(1))
          .gasLimit(1000).gasFeeCap(TokenAmount.ofAtto(10)).gasPremium(TokenAmount.ofAtto(1)).build();
      String extra = Base64.getEncoder().encodeToString(m.toCbor());
      String toSign = Base64.getEncoder().encodeToString(m.cid().bytes());
      JsonNode meta = M.createObjectNode().put("Type", "message").put("Extra", extra);
      JsonNode sig = w.call("Filecoin.WalletSign", JsonNode.class, t(client), toSign, meta);
      assertThat(SignatureVerifier.verify(Signature.fromJson(sig), client, m.cid().bytes())).isTrue();
      String other = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3});
      assertThatThrownBy(() -> w.call("Filecoin.WalletSign", JsonNode.class, t(client), other, meta))
          .isInstanceOf(RpcRemoteException.class).hasMessageContaining("not the CID");
      // the signing endpoint requires a token
      RpcClient anonymous = new RpcClient(d.walletUrl(), null, M, Duration.ofSeconds(10));
      assertThatThrownBy(() -> anonymous.call("Filecoin.WalletList", JsonNode.class))
          .isInstanceOf(RpcUnauthorizedException.class);
    }
  }

  @Test
  void mpoolPushRejectsAForgedSignatureAndAcceptsAGoodOne() {
    try (Devnet d = Devnet.start(repo, DevnetOptions.forTests())) {
      RpcClient c = new RpcClient(d.apiUrl(), d.adminToken(), M, Duration.ofSeconds(10));
      Address faucet = d.account("faucet");
      Address target = d.wallet().newKey(venus.market.core.crypto.SigType.BLS);
      UnsignedMessage m = UnsignedMessage.builder().to(target).from(faucet).value(TokenAmount.ofFil(1))
          .gasLimit(2_000_000).gasFeeCap(TokenAmount.ofAtto(1000)).gasPremium(TokenAmount.ofAtto(100)).build();
      SignedMessage forged = new SignedMessage(m, d.wallet().sign(d.account("client"), m.cid().bytes()));
      assertThatThrownBy(() -> c.call("Filecoin.MpoolPush", JsonNode.class, Json.signedMessage(forged)))
          .isInstanceOf(RpcRemoteException.class).hasMessageContaining("signature invalid");
      SignedMessage good = new SignedMessage(m, d.wallet().sign(faucet, m.cid().bytes()));
      JsonNode cid = c.call("Filecoin.MpoolPush", JsonNode.class, Json.signedMessage(good));
      assertThat(c.call("Filecoin.MpoolGetNonce", JsonNode.class, t(faucet)).asLong()).isEqualTo(1);
      d.mineTipset();
      JsonNode lookup = c.call("Filecoin.StateSearchMsg", JsonNode.class, null, cid, -1, true);
      assertThat(lookup.get("Receipt").get("ExitCode").asInt()).isZero();
      assertThat(c.call("Filecoin.WalletBalance", JsonNode.class, t(target)).asText()).isEqualTo("1000000000000000000");
      assertThat(c.call("Filecoin.StateLookupID", JsonNode.class, t(target), null).asText()).isEqualTo("t01001");
      assertThat(c.call("Filecoin.ChainGetMessage", JsonNode.class, cid).get("To").asText()).isEqualTo(t(target));
    }
  }

  @Test
  void cliPrintsWalletApiInfoAndSendsFunds() throws Exception {
    DevnetOptions opts = DevnetOptions.forTests();
    try (Devnet d = Devnet.start(repo, opts)) {
      String out = runCli("wallet", "api-info", "--perm", "admin", "--repo", repo.toString());
      ApiInfo info = ApiInfo.parse(out.trim());
      assertThat(info.address()).isEqualTo(Files.readString(repo.resolve("wallet-api")).trim());
      assertThat(Files.readString(repo.resolve("token"), StandardCharsets.US_ASCII)).isEqualTo(d.adminToken());
      Address to = Address.parse(runCli("wallet", "new", "--repo", repo.toString(), "bls").trim());
      Thread miner = new Thread(() -> {
        for (int i = 0; i < 50 && !Thread.currentThread().isInterrupted(); i++) {
          try {
            Thread.sleep(100);
          } catch (InterruptedException e) {
            return;
          }
          d.mineTipset();
        }
      });
      miner.start();
      try {
        String sent = runCli("send", "--repo", repo.toString(), t(to), "2.5");
        assertThat(sent).contains("exit code 0");
      } finally {
        miner.interrupt();
        miner.join();
      }
      String bal = runCli("wallet", "balance", "--repo", repo.toString(), t(to));
      assertThat(bal.trim()).isEqualTo("2.5 FIL");
      assertThat(runCli("wallet", "list", "--repo", repo.toString()).lines().count()).isEqualTo(5);
    }
  }

  private static String runCli(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      int rc = DevnetCli.execute(args);
      assertThat(rc).as("exit code of %s", List.of(args)).isZero();
    } finally {
      System.setOut(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }
}
