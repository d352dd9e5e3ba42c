package venus.market.daemon.config;

import java.util.Objects;

/**
 * One S3 (or S3-compatible: OSS, MinIO) piece store; objects are {@code <subDir>/<pieceCid>}.
 *
 * @param endPoint scheme://host[:port] of the service, without the bucket
 * @param region signing region; "" derives it from an AWS ({@code s3.<region>.amazonaws.com}) or Aliyun OSS
 *     ({@code oss-<region>.aliyuncs.com}) host name, else us-east-1 (MinIO, Ceph, s3proxy)
 */
public record S3StoreConfig(
    String name, String endPoint, String bucket, String subDir, String region,
    String accessKey, String secretKey, String token, boolean readOnly) {

  public S3StoreConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(endPoint, "endPoint");
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(subDir, "subDir");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(accessKey, "accessKey");
    Objects.requireNonNull(secretKey, "secretKey");
    Objects.requireNonNull(token, "token");
  }

  @Override
  public String toString() {
    return "S3StoreConfig[name=" + name + ", endPoint=" + endPoint + ", bucket=" + bucket + ", subDir="
        + subDir + ", region=" + region + ", accessKey=" + Redact.secret(accessKey) + ", secretKey="
        + Redact.secret(secretKey) + ", token=" + Redact.secret(token) + ", readOnly=" + readOnly + "]";
  }
}
