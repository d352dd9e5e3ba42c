package venus.market.daemon.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * Parses the {@code --piecestorage} flag of solo-run: {@code fs:/abs/path} or
 * {@code s3:<accessKey>:<secretKey>[:<token>]@[scheme://]<host>/<bucket>} (the guide's
 * {@code s3:{access key}:{secret key}:{option token}@{region}host/{bucket}}). The result replaces the
 * whole {@code [PieceStorage]} section, as in droplet.
 */
public final class PieceStorageFlag {
  private PieceStorageFlag() {}

  public static PieceStorageConfig parse(String flag) {
    int colon = flag.indexOf(':');
    String proto = colon < 0 ? flag : flag.substring(0, colon);
    String rest = colon < 0 ? "" : flag.substring(colon + 1);
    return switch (proto) {
      case "fs" -> fs(flag, rest);
      case "s3" -> new PieceStorageConfig(List.of(), List.of(s3(flag, rest)));
      default -> throw bad(flag, "the storage kind must be fs or s3");
    };
  }

  private static PieceStorageConfig fs(String flag, String path) {
    if (!path.startsWith("/")) {
      throw bad(flag, "fs needs an absolute path, e.g. fs:/mnt/piece");
    }
    return new PieceStorageConfig(List.of(new FsStoreConfig("fs", path, false)), List.of());
  }

  private static S3StoreConfig s3(String flag, String rest) {
    int at = rest.lastIndexOf('@');
    if (at < 0) {
      throw bad(flag, "s3 needs credentials and an endpoint: s3:<accessKey>:<secretKey>[:<token>]@<host>/<bucket>");
    }
    String[] cred = rest.substring(0, at).split(":", 3);
    if (cred.length < 2 || cred[0].isEmpty() || cred[1].isEmpty()) {
      throw bad(flag, "s3 needs <accessKey>:<secretKey> before the @");
    }
    String target = rest.substring(at + 1);
    if (!target.contains("://")) {
      target = "https://" + target;
    }
    URI uri;
    try {
      uri = new URI(target);
    } catch (URISyntaxException e) {
      throw bad(flag, "the part after @ is not a host/bucket: " + e.getMessage());
    }
    if (uri.getHost() == null || !uri.getScheme().matches("https?")) {
      throw bad(flag, "the part after @ must be [http(s)://]<host>/<bucket>");
    }
    String bucket = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+|/+$", "");
    if (bucket.isEmpty() || bucket.contains("/")) {
      throw bad(flag, "must append the bucket to the endpoint: <host>/<bucket>");
    }
    String token = cred.length > 2 ? cred[2] : "";
    return new S3StoreConfig("s3", uri.getScheme() + "://" + uri.getRawAuthority(), bucket, "", "",
        cred[0], cred[1], token, false);
  }

  private static ConfigException bad(String flag, String why) {
    String shown = flag.startsWith("s3:") ? "s3:<redacted>" + flag.substring(Math.max(flag.lastIndexOf('@'), 2)) : flag;
    return new ConfigException("--piecestorage=" + shown + " is not allowed: " + why);
  }
}
