package venus.market.daemon.piecestore;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;
import venus.market.daemon.config.S3StoreConfig;

/**
 * A real S3 server for tests: s3proxy in this JVM on 127.0.0.1, objects in a directory, AWS V2/V4 signatures
 * checked against a fixed key pair. {@link #failPart} makes the server refuse one multipart part number (a server
 * fault mid-upload); {@link #aborts} counts AbortMultipartUpload requests it served; {@link #refuseAborts} makes it
 * answer them with 503 (as if the endpoint had gone away before the client could abort).
 */
public final class S3ProxyServer implements AutoCloseable {
  public static final String ACCESS_KEY = "test-access";
  public static final String SECRET_KEY = "test-secret-key";

  private final S3Proxy proxy;
  public final AtomicInteger failPart = new AtomicInteger(-1);
  public final AtomicInteger aborts = new AtomicInteger();
  public final java.util.concurrent.atomic.AtomicBoolean refuseAborts =
      new java.util.concurrent.atomic.AtomicBoolean();

  private S3ProxyServer(S3Proxy proxy) {
    this.proxy = proxy;
  }

  public static S3ProxyServer start(Path dir) throws Exception {
    S3ProxyServer[] self = new S3ProxyServer[1];
    BlobStore fs = new FilesystemNio2BlobStore(dir.toString());
    BlobStore faulty = new ForwardingBlobStore(fs) {
      @Override
      public UploadPartResponse uploadMultipartPart(MultipartUpload mpu, UploadPartRequest req,
          java.io.InputStream in) {
        if (req.partNumber() == self[0].failPart.get()) {
          try {
            in.transferTo(java.io.OutputStream.nullOutputStream()); // answer after the body, as S3 does
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
          throw (S3Exception) S3Exception.builder().statusCode(400).message("injected fault on part "
              + req.partNumber()).build();
        }
        return super.uploadMultipartPart(mpu, req, in);
      }

      @Override
      public void abortMultipartUpload(MultipartUpload mpu) {
        if (self[0].refuseAborts.get()) {
          throw (S3Exception) S3Exception.builder().statusCode(503).message("injected: abort refused").build();
        }
        self[0].aborts.incrementAndGet();
        super.abortMultipartUpload(mpu);
      }
    };
    S3Proxy proxy = S3Proxy.builder().blobStore(faulty).endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
    self[0] = new S3ProxyServer(proxy);
    proxy.start();
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!"STARTED".equals(proxy.getState())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
      }
      Thread.sleep(10);
    }
    return self[0];
  }

  public String endpoint() {
    return "http://127.0.0.1:" + proxy.getPort();
  }

  public S3StoreConfig config(String name, String bucket, String subDir, boolean readOnly) {
    return new S3StoreConfig(name, endpoint(), bucket, subDir, "", ACCESS_KEY, SECRET_KEY, "", readOnly);
  }

  @Override
  public void close() throws Exception {
    proxy.stop();
  }
}
