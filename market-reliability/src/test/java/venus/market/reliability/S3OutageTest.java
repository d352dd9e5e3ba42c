package venus.market.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.core.jsonrpc.RpcRemoteException;
import venus.market.core.multiformats.Cid;
import venus.market.core.storagemarket.StorageDealStatus;

/**
 * The provider process stores pieces in S3 (s3proxy, a real S3 server, on a fixed loopback port); the endpoint is
 * down when import-data runs. The import fails with an error that names the endpoint and the config key, the deal
 * stays in WaitingForData, nothing is left in the bucket; with the endpoint back the same import succeeds and the
 * object is the whole CAR.
 */
class S3OutageTest {
  static final String BUCKET = "pieces";
  static final String ACCESS = "crash-access";
  static final String SECRET = "crash-secret-key";

  @TempDir Path tmp;
  DevnetProcess devnet;
  ProviderProcess provider;
  S3Proxy s3;

  @AfterEach
  void tearDown() throws Exception {
    ProgramProcess.closeAll(provider, devnet);
    if (s3 != null) {
      s3.stop();
    }
  }

  @Test
  void importDataWithTheS3EndpointDownFailsCleanlyAndSucceedsOnceItIsBack() throws Exception {
    Path blobs = tmp.resolve("s3");
    Files.createDirectories(blobs.resolve(BUCKET));
    int port = Ports.free();
    s3 = startS3(blobs, port);
    Path logs = Paths.get("target", "s3-logs");
    devnet = new DevnetProcess(tmp.resolve("devnet"), logs.resolve("devnet.log"), Duration.ofMillis(250)).start();
    String config = ProviderCrashTest.POLICY + "\n[PieceStorage]\n  [PieceStorage.S3]\n    Enable = true\n"
        + "    Name = \"s3\"\n    EndPoint = \"http://127.0.0.1:" + port + "\"\n    Bucket = \"" + BUCKET + "\"\n"
        + "    SubDir = \"deals\"\n    AccessKey = \"" + ACCESS + "\"\n    SecretKey = \"" + SECRET + "\"\n";
    provider = new ProviderProcess(tmp.resolve("market"), tmp.resolve("unused"), logs.resolve("provider.log"), devnet,
        config).withPieceStorageFromConfig();

    // A CAR and its commP, made with the client's data commands (no client daemon needed).
    ClientProcess data = new ClientProcess(tmp.resolve("client"), logs.resolve("client.log"), devnet, "");
    Path file = tmp.resolve("data.bin");
    byte[] bytes = new byte[3 << 20];
    new Random(3).nextBytes(bytes);
    Files.write(file, bytes);
    Path car = tmp.resolve("data.car");
    data.cli("data", "generate-car", file.toString(), car.toString()).ok();
    String commP = data.cli("data", "commP", car.toString()).ok();
    Cid pieceCid = Cid.parse(OfflineDealCrashTest.field(commP, "CID:"));
    long unpadded = Long.parseLong(OfflineDealCrashTest.field(commP, "Piece size in bytes:"));
    long padded = unpadded / 127 * 128;

    DealSeeder chain = new DealSeeder(devnet);
    chain.fundClient(2);
    String deal = DealSeeder.seedWaitingForData(provider.repo(), chain.proposal(pieceCid, padded, 4000));
    provider.start();
    provider.await(deal, StorageDealStatus.WAITING_FOR_DATA, Duration.ofSeconds(60));

    s3.stop();
    assertThatThrownBy(() -> provider.rpc().call("DealsImportData", Map.of("/", deal), car.toString()))
        .isInstanceOf(RpcRemoteException.class)
        .hasMessageContaining("127.0.0.1:" + port)
        .hasMessageContaining("[PieceStorage.S3] EndPoint");
    assertThat(provider.state(deal)).isEqualTo(StorageDealStatus.WAITING_FOR_DATA);
    assertThat(objects(blobs)).as("objects after the failed import").isEmpty();

    s3 = startS3(blobs, port);
    provider.rpc().call("DealsImportData", Map.of("/", deal), car.toString());
    Poll.until("the deal to move past WaitingForData", Duration.ofSeconds(60), Duration.ofMillis(100),
        () -> provider.state(deal) != StorageDealStatus.WAITING_FOR_DATA);
    assertThat(provider.state(deal)).isNotEqualTo(StorageDealStatus.ERROR);
    List<Path> objects = objects(blobs);
    assertThat(objects).hasSize(1);
    assertThat(objects.get(0).getFileName().toString()).isEqualTo(pieceCid.toString());
    assertThat(Files.size(objects.get(0))).isEqualTo(Files.size(car));
    assertThat(Files.mismatch(objects.get(0), car)).isEqualTo(-1L);
  }

  static S3Proxy startS3(Path dir, int port) throws Exception {
    S3Proxy proxy = S3Proxy.builder().blobStore(new FilesystemNio2BlobStore(dir.toString()))
        .endpoint(URI.create("http://127.0.0.1:" + port))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET).build();
    proxy.start();
    Poll.until("s3proxy to start", Duration.ofSeconds(30), Duration.ofMillis(20),
        () -> "STARTED".equals(proxy.getState()));
    return proxy;
  }

  /** Every stored object (s3proxy's filesystem store keeps one file per object, multipart parts elsewhere). */
  static List<Path> objects(Path dir) throws java.io.IOException {
    try (Stream<Path> s = Files.walk(dir.resolve(BUCKET))) {
      return s.filter(Files::isRegularFile).toList();
    }
  }
}
