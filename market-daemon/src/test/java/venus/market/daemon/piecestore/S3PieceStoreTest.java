package venus.market.daemon.piecestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import venus.market.core.multiformats.Cid;
import venus.market.daemon.config.PieceStorageConfig;
import venus.market.daemon.config.S3StoreConfig;

/** S3PieceStore against a real S3 server (s3proxy, in-process on 127.0.0.1, filesystem blob store). */
class S3PieceStoreTest {
  private static final String BUCKET = "pieces";
  private static final int PART = 5 << 20;

  @TempDir static Path dir;
  static S3ProxyServer server;
  static S3Client admin;

  @BeforeAll
  static void startS3() throws Exception {
    server = S3ProxyServer.start(Files.createDirectories(dir.resolve("s3")));
    admin = S3Client.builder().httpClient(UrlConnectionHttpClient.create())
        .endpointOverride(URI.create(server.endpoint())).forcePathStyle(true).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)))
        .build();
    admin.createBucket(b -> b.bucket(BUCKET));
  }

  @AfterAll
  static void stopS3() throws Exception {
    admin.close();
    server.close();
  }

  private static S3PieceStore store(String subDir) throws IOException {
    return S3PieceStore.open(server.config("s3", BUCKET, subDir, false), PART);
  }

  private static List<String> keys() {
    return admin.listObjectsV2(b -> b.bucket(BUCKET)).contents().stream().map(S3Object::key).toList();
  }

  private static int openUploads() {
    return admin.listMultipartUploads(b -> b.bucket(BUCKET)).uploads().size();
  }

  @Test
  void smallPieceInOnePutWithRangeReads() throws IOException {
    byte[] b = FsPieceStoreTest.data(300_000, 11);
    Cid cid = FsPieceStoreTest.pieceOf(b);
    try (S3PieceStore s = store("")) {
      assertThat(s.has(cid)).isFalse();
      try (PieceWriter w = s.create(cid)) {
        w.out().write(b);
        assertThat(keys()).doesNotContain(cid.toString());
        assertThat(w.commit()).isEqualTo("s3://" + BUCKET + "/" + cid);
      }
      assertThat(keys()).contains(cid.toString());
      assertThat(s.size(cid)).hasValue(b.length);
      try (InputStream in = s.open(cid, 0)) {
        assertThat(in.readAllBytes()).isEqualTo(b);
      }
      try (InputStream in = s.open(cid, 123_456)) {
        assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(b, 123_456, b.length));
      }
      try (InputStream in = s.open(cid, b.length)) {
        assertThat(in.readAllBytes()).isEmpty();
      }
      assertThatThrownBy(() -> s.open(cid, b.length + 1L)).isInstanceOf(IOException.class)
          .hasMessageContaining("offset " + (b.length + 1));
    }
  }

  @Test
  void largePieceGoesUpPartByPartUnderSubDir() throws IOException {
    byte[] b = FsPieceStoreTest.data(11 << 20 | 12345, 12); // 3 parts of 5 MiB, the last short
    Cid cid = FsPieceStoreTest.pieceOf(b);
    try (S3PieceStore s = store("/deals/pieces/")) {
      try (PieceWriter w = s.create(cid)) {
        for (int off = 0; off < b.length; off += 100_000) {
          w.out().write(b, off, Math.min(100_000, b.length - off));
        }
        assertThat(openUploads()).isEqualTo(1); // two parts are up, the object is not visible yet
        assertThat(s.has(cid)).isFalse();
        assertThat(w.commit()).isEqualTo("s3://" + BUCKET + "/deals/pieces/" + cid);
      }
      assertThat(openUploads()).isZero();
      assertThat(keys()).contains("deals/pieces/" + cid);
      assertThat(s.size(cid)).hasValue(b.length);
      long off = (5L << 20) + 3;
      try (InputStream in = s.open(cid, off)) {
        assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(b, (int) off, b.length));
      }
    }
  }

  @Test
  void abortRemovesTheUploadedParts() throws IOException {
    byte[] b = FsPieceStoreTest.data(7 << 20, 13);
    Cid cid = FsPieceStoreTest.pieceOf(b);
    int before = server.aborts.get();
    try (S3PieceStore s = store("abort")) {
      PieceWriter w = s.create(cid);
      w.out().write(b);
      assertThat(openUploads()).isEqualTo(1);
      w.close(); // closing without commit aborts
      assertThat(server.aborts.get()).isEqualTo(before + 1);
      assertThat(openUploads()).isZero();
      assertThat(s.has(cid)).isFalse();
    }
  }

  @Test
  void serverFaultMidUploadAbortsAndTellsTheOperator() throws IOException {
    byte[] b = FsPieceStoreTest.data(12 << 20, 14);
    Cid cid = FsPieceStoreTest.pieceOf(b);
    int before = server.aborts.get();
    server.failPart.set(2);
    try (S3PieceStore s = store("fault"); PieceWriter w = s.create(cid)) {
      assertThatThrownBy(() -> w.out().write(b)).isInstanceOf(PieceStoreException.class)
          .hasMessageContaining("uploading part 2 of piece " + cid).hasMessageContaining("S3 answered 400");
      assertThat(server.aborts.get()).isEqualTo(before + 1);
      assertThat(openUploads()).isZero();
      assertThatThrownBy(w::commit).isInstanceOf(IOException.class).hasMessageContaining("already failed");
      assertThat(s.has(cid)).isFalse();
    } finally {
      server.failPart.set(-1);
    }
  }

  @Test
  void aFailedPartWhoseAbortIsRefusedSaysThePartsStayUntilThePieceIsStored() throws IOException {
    // Own bucket: s3proxy forgets the upload's stub before the blob store refuses the abort, so it lingers there.
    admin.createBucket(b -> b.bucket("refused"));
    byte[] b = FsPieceStoreTest.data(12 << 20, 15);
    Cid cid = FsPieceStoreTest.pieceOf(b);
    server.failPart.set(2);
    server.refuseAborts.set(true);
    try (S3PieceStore s = S3PieceStore.open(server.config("s3", "refused", "", false), PART);
        PieceWriter w = s.create(cid)) {
      assertThatThrownBy(() -> w.out().write(b)).isInstanceOf(PieceStoreException.class)
          .hasMessageContaining("uploading part 2 of piece " + cid)
          .hasMessageContaining("in bucket refused")
          .hasMessageContaining("the unfinished multipart upload ")
          .hasMessageContaining("could not be aborted now (its parts are invisible) and is aborted when this piece is"
              + " next stored");
      assertThat(s.has(cid)).isFalse();
    } finally {
      server.failPart.set(-1);
      server.refuseAborts.set(false);
    }
  }

  @Test
  void uploadsLeftByAnEarlierWriteAreAbortedWhenThePieceIsStoredButNotThoseStillRunning() throws IOException {
    byte[] b = FsPieceStoreTest.data(PART + 1000, 16);
    Cid cid = FsPieceStoreTest.pieceOf(b);
    String key = "leftover/" + cid;
    // What a write leaves when the endpoint goes away mid-upload before it can abort (or the daemon dies): parts.
    String left = admin.createMultipartUpload(r -> r.bucket(BUCKET).key(key)).uploadId();
    admin.uploadPart(r -> r.bucket(BUCKET).key(key).uploadId(left).partNumber(1),
        software.amazon.awssdk.core.sync.RequestBody.fromBytes(Arrays.copyOf(b, PART)));
    try (S3PieceStore s = store("leftover")) {
      PieceWriter running = s.create(cid); // another deal with the same piece, mid-upload
      running.out().write(b, 0, PART + 1);
      assertThat(uploadsOf(key)).hasSize(2).contains(left);
      try (PieceWriter w = s.create(cid)) {
        w.out().write(b);
        w.commit();
      }
      assertThat(keys()).contains(key);
      assertThat(uploadsOf(key)).as("only the running writer's upload is left").hasSize(1).doesNotContain(left);
      running.abort();
      assertThat(uploadsOf(key)).isEmpty();
      try (InputStream in = s.open(cid, 0)) {
        assertThat(in.readAllBytes()).isEqualTo(b);
      }
    }
  }

  private static List<String> uploadsOf(String key) {
    return admin.listMultipartUploads(r -> r.bucket(BUCKET)).uploads().stream()
        .filter(u -> u.key().equals(key)).map(u -> u.uploadId()).toList();
  }

  @Test
  void missingPieceAndReadOnlyStore() throws IOException {
    Cid cid = FsPieceStoreTest.pieceOf(new byte[] {1, 2, 3});
    try (S3PieceStore ro = S3PieceStore.open(server.config("archive", BUCKET, "", true), PART)) {
      assertThat(ro.size(cid)).isEmpty();
      assertThatThrownBy(() -> ro.open(cid, 0)).isInstanceOf(PieceNotFoundException.class)
          .hasMessageContaining("archive");
      assertThatThrownBy(() -> ro.create(cid)).isInstanceOf(ReadOnlyPieceStoreException.class);
    }
  }

  @Test
  void aMissingBucketIsNamedNotTakenForAMissingPiece() throws IOException {
    Cid cid = FsPieceStoreTest.pieceOf(new byte[] {6});
    try (S3PieceStore s = S3PieceStore.open(server.config("s3", "no-such-bucket", "", false), PART)) {
      assertThatThrownBy(() -> s.open(cid, 0)).isInstanceOf(PieceStoreException.class)
          .hasMessageContaining("NoSuchBucket").hasMessageContaining("create bucket no-such-bucket");
      try (PieceWriter w = s.create(cid)) {
        w.out().write(6);
        assertThatThrownBy(w::commit).isInstanceOf(PieceStoreException.class).hasMessageContaining("NoSuchBucket");
      }
    }
  }

  @Test
  void wrongCredentialsNameTheKeysToFix() throws IOException {
    Cid cid = FsPieceStoreTest.pieceOf(new byte[] {4});
    S3StoreConfig bad = new S3StoreConfig("s3", server.endpoint(), BUCKET, "", "", S3ProxyServer.ACCESS_KEY,
        "wrong-secret", "", false);
    try (S3PieceStore s = S3PieceStore.open(bad, PART)) {
      assertThatThrownBy(() -> s.size(cid)).isInstanceOf(PieceStoreException.class)
          .hasMessageContaining("403").hasMessageContaining("AccessKey/SecretKey");
    }
  }

  @Test
  void endpointDownIsAClearError() throws IOException {
    int port;
    try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = ss.getLocalPort();
    }
    S3StoreConfig down = new S3StoreConfig("s3", "http://127.0.0.1:" + port, BUCKET, "", "",
        S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY, "", false);
    Cid cid = FsPieceStoreTest.pieceOf(new byte[] {5});
    try (S3PieceStore s = S3PieceStore.open(down, PART)) {
      assertThatThrownBy(() -> s.size(cid)).isInstanceOf(PieceStoreException.class)
          .hasMessageContaining("cannot reach http://127.0.0.1:" + port).hasMessageContaining("EndPoint");
      try (PieceWriter w = s.create(cid)) {
        w.out().write(5);
        assertThatThrownBy(w::commit).isInstanceOf(PieceStoreException.class)
            .hasMessageContaining("storing piece " + cid).hasMessageContaining("cannot reach");
      }
    }
  }

  @Test
  void piecesOpenS3FromConfigAndWriteThere() throws IOException {
    byte[] b = FsPieceStoreTest.data(4096, 15);
    Cid cid = FsPieceStoreTest.pieceOf(b);
    Path file = dir.resolve("piece.car");
    Files.write(file, b);
    try (PieceStores all = PieceStores.open(new PieceStorageConfig(List.of(),
        List.of(server.config("s3", BUCKET, "cfg", false))))) {
      all.putFile(cid, file);
      assertThat(all.location(cid)).isEqualTo("s3://" + BUCKET + "/cfg/" + cid);
      try (InputStream in = all.open(cid, 0)) {
        assertThat(in.readAllBytes()).isEqualTo(b);
      }
    }
  }

  @Test
  void regionFromTheHostOrDefault() {
    assertThat(S3PieceStore.region(server.config("a", BUCKET, "", false))).isEqualTo("us-east-1");
    assertThat(S3PieceStore.region(new S3StoreConfig("a", "https://oss-cn-shanghai.aliyuncs.com", "b", "", "", "",
        "", "", false))).isEqualTo("oss-cn-shanghai");
    assertThat(S3PieceStore.region(new S3StoreConfig("a", "https://s3.eu-west-2.amazonaws.com", "b", "", "", "",
        "", "", false))).isEqualTo("eu-west-2");
    assertThat(S3PieceStore.region(new S3StoreConfig("a", "https://s3.eu-west-2.amazonaws.com", "b", "", "ap-1", "",
        "", "", false))).isEqualTo("ap-1");
  }
}
