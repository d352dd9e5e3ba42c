package venus.market.daemon.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * Reads {@code [PieceStorage]}: either one table per kind with {@code Enable} (the 2022 layout the guide
 * shows) or arrays of tables {@code [[PieceStorage.Fs]]} / {@code [[PieceStorage.S3]]} for several stores.
 */
final class PieceStorageReader {
  private PieceStorageReader() {}

  static PieceStorageConfig read(TomlSection s) {
    List<FsStoreConfig> fs = new ArrayList<>();
    for (TomlSection t : entries(s, "Fs")) {
      if (!t.bool("Enable", true)) {
        t.string("Path", "");
        t.string("Name", "");
        t.bool("ReadOnly", false);
        t.rejectUnknown(Set.of());
        continue;
      }
      String path = t.string("Path", "");
      if (!path.startsWith("/")) {
        throw t.invalid("Path", path, "an enabled file-system piece store needs an absolute directory path");
      }
      fs.add(new FsStoreConfig(t.string("Name", fs.isEmpty() ? "fs" : "fs-" + (fs.size() + 1)), path,
          t.bool("ReadOnly", false)));
      t.rejectUnknown(Set.of());
    }
    List<S3StoreConfig> s3 = new ArrayList<>();
    for (TomlSection t : entries(s, "S3")) {
      if (!t.bool("Enable", true)) {
        for (String k : List.of("EndPoint", "Bucket", "SubDir", "Region", "AccessKey", "SecretKey", "Token", "Name")) {
          t.string(k, "");
        }
        t.bool("ReadOnly", false);
        t.rejectUnknown(Set.of());
        continue;
      }
      s3.add(readS3(t, s3.isEmpty() ? "s3" : "s3-" + (s3.size() + 1)));
    }
    List<String> importDirs = s.stringList("AllowedImportDirs", List.of());
    for (String d : importDirs) {
      if (!d.startsWith("/")) {
        throw s.invalid("AllowedImportDirs", d, "import directories must be absolute paths such as \"/data/cars\"");
      }
    }
    s.rejectUnknown(Set.of("PreSignS3"));
    Set<String> names = new HashSet<>();
    for (String n : (Iterable<String>) () -> java.util.stream.Stream.concat(
        fs.stream().map(FsStoreConfig::name), s3.stream().map(S3StoreConfig::name)).iterator()) {
      if (!names.add(n)) {
        throw new ConfigException(s.path("") + ": two piece stores are named \"" + n + "\"; names must be unique");
      }
    }
    return new PieceStorageConfig(fs, s3, importDirs);
  }

  private static S3StoreConfig readS3(TomlSection t, String defaultName) {
    String endPoint = t.string("EndPoint", "");
    String bucket = t.string("Bucket", "");
    URI uri;
    try {
      uri = new URI(endPoint);
    } catch (URISyntaxException e) {
      uri = null;
    }
    if (uri == null || uri.getHost() == null || uri.getScheme() == null || !uri.getScheme().matches("https?")) {
      throw t.invalid("EndPoint", endPoint, "expected an http(s) URL such as \"http://oss-cn-shanghai.aliyuncs.com/bucket\"");
    }
    String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+|/+$", "");
    if (bucket.isEmpty()) {
      // 2022 layout: the bucket is the URL path of EndPoint.
      bucket = path;
      endPoint = uri.getScheme() + "://" + uri.getRawAuthority();
    }
    if (bucket.isEmpty() || bucket.contains("/")) {
      throw t.invalid("EndPoint", endPoint, "needs the bucket: set Bucket, or append /<bucket> to EndPoint");
    }
    S3StoreConfig c = new S3StoreConfig(t.string("Name", defaultName), endPoint, bucket, t.string("SubDir", ""),
        t.string("Region", ""), t.string("AccessKey", ""), t.string("SecretKey", ""), t.string("Token", ""),
        t.bool("ReadOnly", false));
    t.rejectUnknown(Set.of());
    return c;
  }

  /** The entries of one kind: a single table or an array of tables. */
  private static List<TomlSection> entries(TomlSection s, String key) {
    Object v = s.value(key);
    List<TomlSection> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (v instanceof TomlTable) {
      out.add(s.table(key));
    } else if (v instanceof TomlArray arr && (arr.isEmpty() || arr.get(0) instanceof TomlTable)) {
      for (int i = 0; i < arr.size(); i++) {
        out.add(s.element(key, i, arr.getTable(i)));
      }
    } else {
      throw s.invalid(key, v, "expected [" + s.path(key) + "] or [[" + s.path(key) + "]] sections");
    }
    return out;
  }
}
