package venus.market.daemon.piecestore;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsRequest;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import venus.market.core.multiformats.Cid;
import venus.market.daemon.config.S3StoreConfig;

/**
 * Pieces as objects {@code [<SubDir>/]<pieceCid>} in an S3 or S3-compatible bucket (AWS, MinIO, Aliyun OSS, Ceph).
 * Path-style addressing against {@code EndPoint}, so IP-address and single-host endpoints work. A piece is uploaded
 * part by part (one part buffered at a time, never the whole piece) as a multipart upload, which S3 makes visible
 * only when completed: a reader never sees a partial piece, and an aborted or failed write aborts the upload. Pieces
 * smaller than one part go up in one PutObject.
 */
public final class S3PieceStore implements PieceStore {
  private static final Logger LOG = LoggerFactory.getLogger(S3PieceStore.class);
  /**
   * One part is buffered per upload, and up to one upload runs per deal worker, so parts stay small; S3 allows
   * 10,000 parts, and 16 MiB parts still cover a 64 GiB sector's piece (156 GiB).
   */
  static final int DEFAULT_PART_SIZE = 16 << 20;
  static final int MIN_PART_SIZE = 5 << 20;
  private static final int MAX_PARTS = 10_000;
  private static final Pattern AWS_HOST = Pattern.compile("^s3[.-]([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?$");

  private final S3StoreConfig cfg;
  private final S3Client s3;
  private final String prefix;
  private final int partSize;
  /** Multipart uploads this store is writing right now: never taken for leftovers of an earlier failed write. */
  private final Set<String> liveUploads = ConcurrentHashMap.newKeySet();

  S3PieceStore(S3StoreConfig cfg, S3Client s3, int partSize) {
    if (partSize < MIN_PART_SIZE) {
      throw new IllegalArgumentException("S3 part size " + partSize + " < 5 MiB");
    }
    this.cfg = cfg;
    this.s3 = s3;
    String sub = cfg.subDir().replaceAll("^/+|/+$", "");
    this.prefix = sub.isEmpty() ? "" : sub + "/";
    this.partSize = partSize;
  }

  /** Connects to the configured endpoint and checks the bucket (a failure there is logged, not fatal). */
  public static S3PieceStore open(S3StoreConfig cfg) throws PieceStoreException {
    return open(cfg, DEFAULT_PART_SIZE);
  }

  static S3PieceStore open(S3StoreConfig cfg, int partSize) throws PieceStoreException {
    S3Client client;
    try {
      client = client(cfg);
    } catch (RuntimeException e) {
      throw new PieceStoreException("piece store " + cfg.name() + ": cannot set up an S3 client for EndPoint "
          + cfg.endPoint() + ": " + e.getMessage() + "; check [PieceStorage.S3] EndPoint and Region", e);
    }
    S3PieceStore s = new S3PieceStore(cfg, client, partSize);
    s.checkBucket();
    return s;
  }

  private static S3Client client(S3StoreConfig cfg) {
    return S3Client.builder()
        .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(10))
            .socketTimeout(Duration.ofMinutes(2)).build())
        .endpointOverride(URI.create(cfg.endPoint()))
        .forcePathStyle(true)
        .region(Region.of(region(cfg)))
        .credentialsProvider(credentials(cfg))
        // Older S3-compatible servers (OSS, Ceph, early MinIO) reject the SDK's default flexible checksums.
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .build();
  }

  /** The signing region: as configured, else from an AWS or Aliyun OSS host name, else us-east-1 (MinIO, Ceph). */
  static String region(S3StoreConfig cfg) {
    if (!cfg.region().isEmpty()) {
      return cfg.region();
    }
    String host = URI.create(cfg.endPoint()).getHost();
    Matcher aws = AWS_HOST.matcher(host);
    if (aws.matches()) {
      return aws.group(1);
    }
    String first = host.split("\\.")[0];
    if (first.startsWith("oss-")) {
      return first;
    }
    return "us-east-1";
  }

  private static AwsCredentialsProvider credentials(S3StoreConfig cfg) {
    if (cfg.accessKey().isEmpty()) {
      return AnonymousCredentialsProvider.create();
    }
    return StaticCredentialsProvider.create(cfg.token().isEmpty()
        ? AwsBasicCredentials.create(cfg.accessKey(), cfg.secretKey())
        : AwsSessionCredentials.create(cfg.accessKey(), cfg.secretKey(), cfg.token()));
  }

  private void checkBucket() {
    try {
      s3.headBucket(b -> b.bucket(cfg.bucket()));
    } catch (SdkException e) {
      LOG.warn("{}", failure("checking access", e).getMessage());
    }
  }

  @Override
  public String name() {
    return cfg.name();
  }

  @Override
  public boolean readOnly() {
    return cfg.readOnly();
  }

  String key(Cid pieceCid) {
    return prefix + pieceCid;
  }

  @Override
  public OptionalLong size(Cid pieceCid) throws IOException {
    try {
      HeadObjectResponse r = s3.headObject(b -> b.bucket(cfg.bucket()).key(key(pieceCid)));
      return OptionalLong.of(r.contentLength());
    } catch (NoSuchKeyException e) {
      return OptionalLong.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return OptionalLong.empty();
      }
      throw failure("looking up piece " + pieceCid, e);
    } catch (SdkException e) {
      throw failure("looking up piece " + pieceCid, e);
    }
  }

  @Override
  public InputStream open(Cid pieceCid, long offset) throws IOException {
    if (offset < 0) {
      throw new IllegalArgumentException("offset " + offset + " < 0");
    }
    GetObjectRequest.Builder req = GetObjectRequest.builder().bucket(cfg.bucket()).key(key(pieceCid));
    if (offset > 0) {
      req.range("bytes=" + offset + "-");
    }
    try {
      return s3.getObject(req.build());
    } catch (NoSuchKeyException e) {
      throw new PieceNotFoundException(cfg.name(), pieceCid);
    } catch (S3Exception e) {
      if (e.statusCode() == 404 && !"NoSuchBucket".equals(errorCode(e))) {
        throw new PieceNotFoundException(cfg.name(), pieceCid);
      }
      if (e.statusCode() == 416) {
        // S3 refuses a range that starts at the end; reading from the end is an empty read, past it an error.
        OptionalLong size = size(pieceCid);
        if (size.isPresent() && size.getAsLong() == offset) {
          return InputStream.nullInputStream();
        }
        throw new IOException("piece " + pieceCid + " in piece store " + cfg.name() + " has "
            + (size.isPresent() ? size.getAsLong() : "no") + " bytes; cannot read from offset " + offset);
      }
      throw failure("reading piece " + pieceCid, e);
    } catch (SdkException e) {
      throw failure("reading piece " + pieceCid, e);
    }
  }

  @Override
  public PieceWriter create(Cid pieceCid) throws IOException {
    if (cfg.readOnly()) {
      throw new ReadOnlyPieceStoreException(cfg.name());
    }
    return new Upload(pieceCid);
  }

  @Override
  public void putFile(Cid pieceCid, Path file) throws IOException {
    try (PieceWriter w = create(pieceCid)) {
      Files.copy(file, w.out());
      w.commit();
    }
  }

  @Override
  public String location(Cid pieceCid) {
    return "s3://" + cfg.bucket() + "/" + key(pieceCid);
  }

  @Override
  public void close() {
    s3.close();
  }

  @Override
  public String toString() {
    return "s3 piece store " + cfg.name() + " at " + cfg.endPoint() + "/" + cfg.bucket() + "/" + prefix
        + (cfg.readOnly() ? " (read-only)" : "");
  }

  private static String errorCode(S3Exception e) {
    return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? ""
        : e.awsErrorDetails().errorCode();
  }

  /** An operator-facing error: what failed, where, and what to check. */
  private PieceStoreException failure(String what, SdkException e) {
    String hint;
    if (e instanceof S3Exception s3e) {
      int code = s3e.statusCode();
      String awsCode = errorCode(s3e);
      hint = "S3 answered " + code + (awsCode.isEmpty() ? "" : " " + awsCode)
          + (code == 403 ? "; check [PieceStorage.S3] AccessKey/SecretKey/Token"
              : "NoSuchBucket".equals(awsCode) ? "; create bucket " + cfg.bucket() + " or fix [PieceStorage.S3] Bucket"
              : "");
    } else if (e instanceof SdkClientException) {
      hint = "cannot reach " + cfg.endPoint() + " (" + rootMessage(e) + "); check [PieceStorage.S3] EndPoint and"
          + " that the S3 service is up";
    } else {
      hint = e.getMessage();
    }
    return new PieceStoreException("piece store " + cfg.name() + ": " + what + " in bucket " + cfg.bucket()
        + " failed: " + hint, e);
  }

  /**
   * Aborts the unfinished multipart uploads of {@code key} that no writer of this store owns: what a write left when
   * its own abort could not reach S3 (the endpoint went down mid-upload) or when the daemon died mid-upload. Their
   * parts are invisible but billed until aborted. Runs once the piece is stored, so a retried import cleans up after
   * the failed one; best effort (the bucket's lifecycle rule remains the backstop).
   */
  private void abortLeftovers(String key, Cid pieceCid) {
    int n = 0;
    try {
      ListMultipartUploadsRequest.Builder req = ListMultipartUploadsRequest.builder().bucket(cfg.bucket())
          .prefix(key);
      while (true) {
        ListMultipartUploadsResponse r = s3.listMultipartUploads(req.build());
        for (MultipartUpload u : r.uploads()) {
          if (key.equals(u.key()) && !liveUploads.contains(u.uploadId())) {
            try {
              s3.abortMultipartUpload(b -> b.bucket(cfg.bucket()).key(key).uploadId(u.uploadId()));
              n++;
            } catch (S3Exception e) {
              if (e.statusCode() != 404) { // NoSuchUpload: already aborted or completed meanwhile
                throw e;
              }
            }
          }
        }
        if (!Boolean.TRUE.equals(r.isTruncated())) {
          break;
        }
        req.keyMarker(r.nextKeyMarker()).uploadIdMarker(r.nextUploadIdMarker());
      }
    } catch (SdkException e) {
      LOG.warn("piece store {}: could not look for unfinished uploads of piece {} left by an earlier write: {}",
          cfg.name(), pieceCid, e.getMessage());
    }
    if (n > 0) {
      LOG.info("piece store {}: aborted {} unfinished upload(s) of piece {} left by an earlier failed write",
          cfg.name(), n, pieceCid);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  /** One piece upload: buffers one part, sends it, and so on; commit completes, abort aborts the upload. */
  private final class Upload extends OutputStream implements PieceWriter {
    private final Cid pieceCid;
    private final String key;
    private final List<CompletedPart> parts = new ArrayList<>();
    private byte[] buf;
    private int len;
    private long total;
    private String uploadId;
    private boolean done;
    private IOException failed;

    Upload(Cid pieceCid) {
      this.pieceCid = pieceCid;
      this.key = key(pieceCid);
    }

    @Override
    public OutputStream out() {
      return this;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int n) throws IOException {
      ensureOpen();
      while (n > 0) {
        if (buf == null) {
          buf = new byte[partSize];
        }
        int k = Math.min(n, partSize - len);
        System.arraycopy(b, off, buf, len, k);
        len += k;
        off += k;
        n -= k;
        total += k;
        if (len == partSize) {
          sendPart();
        }
      }
    }

    @Override
    public void flush() {
      // Parts are sent when full; a partial part waits for more data or commit.
    }

    @Override
    public void close() {
      abort();
    }

    private void ensureOpen() throws IOException {
      if (failed != null) {
        throw new IOException("piece " + pieceCid + ": upload to piece store " + cfg.name() + " already failed",
            failed);
      }
      if (done) {
        throw new IllegalStateException("piece " + pieceCid + ": writer already committed or aborted");
      }
    }

    private void sendPart() throws IOException {
      if (parts.size() == MAX_PARTS) {
        fail(new PieceStoreException("piece " + pieceCid + " is larger than S3's 10,000 parts of " + partSize
            + " bytes"));
      }
      try {
        if (uploadId == null) {
          uploadId = s3.createMultipartUpload(r -> r.bucket(cfg.bucket()).key(key)).uploadId();
          liveUploads.add(uploadId);
        }
        int number = parts.size() + 1;
        byte[] data = buf;
        int size = len;
        String etag = s3.uploadPart(r -> r.bucket(cfg.bucket()).key(key).uploadId(uploadId).partNumber(number)
                .contentLength((long) size),
            RequestBody.fromContentProvider(() -> new ByteArrayInputStream(data, 0, size), size,
                "application/octet-stream")).eTag();
        parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
        len = 0;
        if (number % 16 == 0) {
          LOG.info("piece store {}: piece {} uploading, {} MiB sent", cfg.name(), pieceCid, total >> 20);
        }
      } catch (SdkException e) {
        fail(failure("uploading part " + (parts.size() + 1) + " of piece " + pieceCid, e));
      }
    }

    private void fail(IOException e) throws IOException {
      String left = uploadId;
      if (!abortUpload() && left != null) {
        // Say so: "nothing stored" is true of objects, but the parts stay in the bucket until aborted.
        e = new PieceStoreException(e.getMessage() + "; the unfinished multipart upload " + left + " could not be"
            + " aborted now (its parts are invisible) and is aborted when this piece is next stored", e.getCause());
      }
      failed = e;
      buf = null;
      throw e;
    }

    @Override
    public synchronized String commit() throws IOException {
      ensureOpen();
      try {
        if (uploadId == null) {
          int size = len;
          byte[] data = buf == null ? new byte[0] : buf;
          s3.putObject(r -> r.bucket(cfg.bucket()).key(key).contentLength((long) size),
              RequestBody.fromContentProvider(() -> new ByteArrayInputStream(data, 0, size), size,
                  "application/octet-stream"));
        } else {
          if (len > 0) {
            sendPart();
          }
          s3.completeMultipartUpload(r -> r.bucket(cfg.bucket()).key(key).uploadId(uploadId)
              .multipartUpload(m -> m.parts(parts)));
        }
      } catch (SdkException e) {
        fail(failure("storing piece " + pieceCid, e));
      }
      done = true;
      buf = null;
      if (uploadId != null) {
        liveUploads.remove(uploadId);
      }
      abortLeftovers(key, pieceCid);
      LOG.info("piece store {}: stored piece {} ({} bytes{})", cfg.name(), pieceCid, total,
          uploadId == null ? "" : ", " + parts.size() + " parts");
      return location(pieceCid);
    }

    @Override
    public synchronized void abort() {
      if (done) {
        return;
      }
      done = true;
      buf = null;
      abortUpload();
    }

    /** Aborts the upload if one was started; false if S3 could not be told (the parts stay until aborted). */
    private boolean abortUpload() {
      if (uploadId == null) {
        return true;
      }
      String id = uploadId;
      uploadId = null;
      liveUploads.remove(id);
      try {
        s3.abortMultipartUpload(r -> r.bucket(cfg.bucket()).key(key).uploadId(id));
        LOG.info("piece store {}: aborted the upload of piece {}", cfg.name(), pieceCid);
        return true;
      } catch (SdkException e) {
        // Cleaned up when this piece is next stored (abortLeftovers); the bucket's lifecycle rule
        // (AbortIncompleteMultipartUpload) is the backstop.
        LOG.warn("piece store {}: could not abort upload {} of piece {}: {}", cfg.name(), id, pieceCid,
            e.getMessage());
        return false;
      }
    }
  }
}
