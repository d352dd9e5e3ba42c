package venus.market.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gaul.s3proxy.S3Proxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import venus.market.core.jsonrpc.RpcRemoteException;
import venus.market.core.multiformats.Cid;
import venus.market.core.storagemarket.StorageDealStatus;

/**
 * The S3 endpoint goes down in the middle of a multipart upload while the provider process imports a piece. The
 * provider's S3 endpoint is a {@link TcpRelay} in front of s3proxy; the CAR (20 MiB) goes up as a multipart upload
 * of 16 MiB parts and the relay cuts every connection and closes its port once 18 MiB of requests went through
 * (inside part 2, part 1 stored),
 * and s3proxy itself is stopped for the outage. import-data must fail naming the bucket and the endpoint, the deal
 * must still wait for its data, and once S3 is back the bucket must hold no object (the failed upload's parts are
 * invisible); the retried import stores the piece whole and aborts the upload the failed one left behind.
 */
class S3MultipartOutageTest {
  static final String BUCKET = S3OutageTest.BUCKET;
  static final int DATA_BYTES = 20 << 20;
  static final long CUT_AFTER = 18L << 20;

  @TempDir Path tmp;
  DevnetProcess devnet;
  ProviderProcess provider;
  S3Proxy s3;
  TcpRelay endpoint;
  S3Client admin;

  @AfterEach
  void tearDown() throws Exception {
    if (admin != null) {
      admin.close();
    }
    ProgramProcess.closeAll(provider, devnet);
    if (endpoint != null) {
      endpoint.close();
    }
    if (s3 != null) {
      s3.stop();
    }
  }

  @Test
  void anImportWhoseS3EndpointDiesMidUploadLeavesNoObjectAndARetryStoresThePiece() throws Exception {
    Path blobs = tmp.resolve("s3");
    Files.createDirectories(blobs.resolve(BUCKET));
    int s3Port = Ports.free();
    s3 = S3OutageTest.startS3(blobs, s3Port);
    endpoint = new TcpRelay(Ports.free(), s3Port).up();
    String url = "http://127.0.0.1:" + endpoint.port();
    Path logs = Paths.get("target", "s3-logs");
    devnet = new DevnetProcess(tmp.resolve("devnet"), logs.resolve("devnet-multipart.log"), Duration.ofMillis(250))
        .start();
    String config = ProviderCrashTest.POLICY + "\n[PieceStorage]\n  [PieceStorage.S3]\n    Enable = true\n"
        + "    Name = \"s3\"\n    EndPoint = \"" + url + "\"\n    Bucket = \"" + BUCKET + "\"\n"
        + "    SubDir = \"deals\"\n    AccessKey = \"" + S3OutageTest.ACCESS + "\"\n    SecretKey = \""
        + S3OutageTest.SECRET + "\"\n";
    provider = new ProviderProcess(tmp.resolve("market"), tmp.resolve("unused"), logs.resolve("provider-multipart.log"),
        devnet, config).withPieceStorageFromConfig();

    ClientProcess data = new ClientProcess(tmp.resolve("client"), logs.resolve("client.log"), devnet, "");
    Path file = tmp.resolve("data.bin");
    byte[] bytes = new byte[DATA_BYTES];
    new Random(20).nextBytes(bytes);
    Files.write(file, bytes);
    bytes = null;
    Path car = tmp.resolve("data.car");
    data.cli("data", "generate-car", file.toString(), car.toString()).ok();
    String commP = data.cli("data", "commP", car.toString()).ok();
    Cid pieceCid = Cid.parse(OfflineDealCrashTest.field(commP, "CID:"));
    long padded = Long.parseLong(OfflineDealCrashTest.field(commP, "Piece size in bytes:")) / 127 * 128;
    long carBytes = Files.size(car);
    assertThat(carBytes).as("CAR bytes: two parts of 16 MiB, the cut inside the second").isGreaterThan(CUT_AFTER);

    DealSeeder chain = new DealSeeder(devnet);
    chain.fundClient(2);
    String deal = DealSeeder.seedWaitingForData(provider.repo(), chain.proposal(pieceCid, padded, 4000));
    provider.start();
    provider.await(deal, StorageDealStatus.WAITING_FOR_DATA, Duration.ofSeconds(60));

    // The endpoint dies inside part 2 and stays down; the S3 service behind it is stopped too.
    endpoint.cutAfter(CUT_AFTER);
    Throwable failed = catchThrowable(() -> provider.rpc().call("DealsImportData", Map.of("/", deal),
        car.toString()));
    assertThat(endpoint.wasCut()).as("the endpoint went down during the upload").isTrue();
    s3.stop();
    assertThat(failed).isInstanceOf(RpcRemoteException.class)
        .hasMessageContaining("piece store s3: uploading part ")
        .hasMessageContaining("in bucket " + BUCKET + " failed: cannot reach " + url)
        .hasMessageContaining("check [PieceStorage.S3] EndPoint")
        .hasMessageContaining("nothing was stored and the deal still waits for data");
    assertThat(provider.state(deal)).isEqualTo(StorageDealStatus.WAITING_FOR_DATA);

    // S3 back: no object; the failed upload's invisible parts are still there (its abort could not reach S3).
    s3 = S3OutageTest.startS3(blobs, s3Port);
    endpoint.up();
    admin = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).endpointOverride(URI.create(url))
        .forcePathStyle(true).region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(S3OutageTest.ACCESS, S3OutageTest.SECRET))).build();
    assertThat(keys()).as("objects after the failed import").isEmpty();
    assertThat(uploads()).as("unfinished uploads after the failed import").hasSize(1);
    assertThat(failed).hasMessageContaining("could not be aborted now");

    provider.rpc().call("DealsImportData", Map.of("/", deal), car.toString());
    Poll.until("the deal to move past WaitingForData", Duration.ofSeconds(60), Duration.ofMillis(100),
        () -> provider.state(deal) != StorageDealStatus.WAITING_FOR_DATA);
    assertThat(provider.state(deal)).isNotEqualTo(StorageDealStatus.ERROR);
    assertThat(uploads()).as("unfinished uploads after the retry").isEmpty();
    String key = "deals/" + pieceCid;
    assertThat(keys()).containsExactly(key);
    Path back = tmp.resolve("back.car");
    admin.getObject(b -> b.bucket(BUCKET).key(key), back);
    assertThat(Files.size(back)).isEqualTo(carBytes);
    assertThat(Files.mismatch(back, car)).isEqualTo(-1L);
    assertThat(provider.deal(deal).get("PiecePath").asText()).isEqualTo("s3://" + BUCKET + "/" + key);
  }

  List<String> keys() {
    return admin.listObjectsV2(b -> b.bucket(BUCKET)).contents().stream().map(S3Object::key).toList();
  }

  List<String> uploads() {
    return admin.listMultipartUploads(b -> b.bucket(BUCKET)).uploads().stream().map(u -> u.key() + " " + u.uploadId())
        .toList();
  }
}
