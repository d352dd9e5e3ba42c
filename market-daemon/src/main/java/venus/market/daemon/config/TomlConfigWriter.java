package venus.market.daemon.config;

import venus.market.core.amount.TokenAmount;
import venus.market.core.amount.Durations;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import venus.market.p2p.host.InboundLimits;

/**
 * Writes a {@link MarketConfig} as a commented config.toml that {@link TomlConfigReader} reads back to
 * an equal config. Piece stores use the guide's one-table layout while there is at most one of a kind,
 * and the list layout beyond that.
 */
public final class TomlConfigWriter {
  private final StringBuilder out = new StringBuilder();
  private String indent = "";

  private TomlConfigWriter() {}

  public static String write(MarketConfig c) {
    TomlConfigWriter w = new TomlConfigWriter();
    w.render(c);
    return w.out.toString();
  }

  private void render(MarketConfig c) {
    line("# venus-market (Java) daemon configuration.");
    line("# Durations use Go syntax (\"10s\", \"1h0m0s\"); amounts are FIL (\"0.05 FIL\").");
    line("# Flags given to `venus-market solo-run` override these values and are saved here.");
    line("");
    policy(c.policy(), List.of(PolicyKey.values()));
    comment("limits on simultaneous data transfers");
    kv("SimultaneousTransfersForStorage", c.transfers().forStorage());
    kv("SimultaneousTransfersForStoragePerClient", c.transfers().forStoragePerClient());
    kv("SimultaneousTransfersForRetrieval", c.transfers().forRetrieval());
    comment("bytes online deals may hold in <TransferPath>/deal-staging at once (boost's name); 0 = the disk's free space");
    kv("MaxStagingDealsBytes", c.transfers().maxStagingDealsBytes());
    comment("directory for incoming CAR files and import copies (\"\" = the repo directory)");
    kv("TransferPath", c.transferPath());

    table("API", "the JSON-RPC API (the CLI finds it through <repo>/api and <repo>/token)");
    comment("listen multiaddr; use /ip4/0.0.0.0/tcp/41235 to serve other machines (sealer, client)");
    kv("ListenAddress", c.api().listenAddress());
    comment("address other hosts should use, if different (informational)");
    kv("RemoteListenAddress", c.api().remoteListenAddress());
    comment("hex JWT secret; \"\" = the secret generated in <repo>/keystore/jwt-secret");
    kv("Secret", c.api().secret());
    kv("Timeout", c.api().timeout());

    table("Libp2p", "the libp2p host serving the ask, deal and status protocols");
    kv("ListenAddresses", c.libp2p().listenAddresses());
    comment("addresses announced instead of the listen addresses (e.g. a public IP)");
    kv("AnnounceAddresses", c.libp2p().announceAddresses());
    kv("NoAnnounceAddresses", c.libp2p().noAnnounceAddresses());
    comment("hex of the protobuf libp2p key; \"\" = the key generated in <repo>/keystore/libp2p.key");
    kv("PrivateKey", c.libp2p().privateKey());
    InboundLimits in = c.libp2p().inboundLimits();
    comment("inbound connections from one address (IPv4, or IPv6 /64) still in the handshake; more are closed at once");
    kv("MaxHandshakesPerAddress", in.handshakesPerAddress());
    comment("established inbound connections from one address");
    kv("MaxConnectionsPerAddress", in.connectionsPerAddress());
    comment("inbound streams served at once (each holds a thread): host-wide, per peer, per address; more are reset");
    kv("MaxStreamHandlers", in.streamHandlers());
    kv("MaxStreamHandlersPerPeer", in.streamHandlersPerPeer());
    kv("MaxStreamHandlersPerAddress", in.streamHandlersPerAddress());
    comment("false exempts 127.0.0.0/8 and ::1 from the per-address limits");
    kv("LimitLoopback", in.limitLoopback());
    comment("bytes received on streams and not yet read: host-wide, per connection, per address; a stream whose data");
    comment("does not fit is reset");
    kv("MaxBufferedBytes", in.bufferedBytes());
    kv("MaxBufferedBytesPerConnection", in.bufferedBytesPerConnection());
    kv("MaxBufferedBytesPerAddress", in.bufferedBytesPerAddress());

    endpoint("Node", "the venus/lotus full node (multiaddr or URL) and its token", c.node());
    endpoint("Messager", "venus-messager (optional; \"\" = push messages through the node)", c.messager());
    table("Signer", "who signs: Type \"wallet\" = venus-wallet at Url, \"lotusnode\" or \"\" without Url = the node's wallet");
    kv("Type", c.signer().type());
    kv("Url", c.signer().url());
    kv("Token", c.signer().token());
    endpoint("AuthNode", "venus-auth (pool mode only; unused in solo mode)", c.authNode());

    pieceStorage(c.pieceStorage());

    for (StorageMinerConfig m : c.storageMiners()) {
      line("");
      indent = "";
      line("# a miner served by this market; any top-level deal policy key may be set here for this miner only");
      line("[[StorageMiners]]");
      indent = "  ";
      kv("Addr", m.addr());
      kv("Account", m.account());
      policy(m.policy(), m.overrides().stream().sorted().toList());
    }
    if (c.storageMiners().isEmpty()) {
      line("");
      indent = "";
      line("# Miners served by this market (`solo-run --miner=t01000:account` adds one):");
      line("# [[StorageMiners]]");
      line("#   Addr = \"t01000\"");
      line("#   Account = \"accountName\"");
      line("#   PublishMsgPeriod = \"10s\"    # any deal policy key overrides the global value for this miner");
    }
    table("RetrievalPaymentAddress", "address paid for retrievals");
    kv("Addr", c.retrievalPaymentAddress().addr());
    kv("Account", c.retrievalPaymentAddress().account());
  }

  private void policy(DealPolicy p, List<PolicyKey> keys) {
    for (PolicyKey k : keys) {
      comment(k.comment());
      Object v = p.get(k);
      if (k.kind() == PolicyKey.Kind.FIL) {
        kv(k.name(), TokenAmount.ofAtto((BigInteger) v).toString());
      } else {
        kv(k.name(), v);
      }
    }
  }

  private void pieceStorage(PieceStorageConfig ps) {
    table("PieceStorage", "where piece data is stored; the sealer must see the same directory or bucket");
    comment("directories `storage-deals import-data` may read CAR files from ([] = any file the daemon can read)");
    kv("AllowedImportDirs", ps.allowedImportDirs());
    boolean lists = ps.fs().size() > 1 || ps.s3().size() > 1;
    if (!lists) {
      subTable("PieceStorage.Fs", "file system: pieces are <Path>/<pieceCid>");
      FsStoreConfig f = ps.fs().isEmpty() ? null : ps.fs().get(0);
      kv("Enable", f != null);
      kv("Name", f == null ? "fs" : f.name());
      kv("Path", f == null ? "" : f.path());
      kv("ReadOnly", f != null && f.readOnly());
      subTable("PieceStorage.S3", "S3 / OSS / MinIO: objects are <SubDir>/<pieceCid> in Bucket");
      S3StoreConfig s = ps.s3().isEmpty() ? null : ps.s3().get(0);
      kv("Enable", s != null);
      s3(s == null ? new S3StoreConfig("s3", "", "", "", "", "", "", "", false) : s);
      return;
    }
    for (FsStoreConfig f : ps.fs()) {
      arrayTable("PieceStorage.Fs");
      kv("Name", f.name());
      kv("Path", f.path());
      kv("ReadOnly", f.readOnly());
    }
    for (S3StoreConfig s : ps.s3()) {
      arrayTable("PieceStorage.S3");
      s3(s);
    }
  }

  private void s3(S3StoreConfig s) {
    kv("Name", s.name());
    kv("EndPoint", s.endPoint());
    kv("Bucket", s.bucket());
    kv("SubDir", s.subDir());
    comment("signing region; \"\" = from an AWS (s3.<region>.amazonaws.com) or OSS (oss-<region>...) host, else us-east-1");
    kv("Region", s.region());
    kv("AccessKey", s.accessKey());
    kv("SecretKey", s.secretKey());
    kv("Token", s.token());
    kv("ReadOnly", s.readOnly());
  }

  private void endpoint(String name, String comment, EndpointConfig e) {
    table(name, comment);
    kv("Url", e.url());
    kv("Token", e.token());
  }

  private void table(String name, String comment) {
    indent = "";
    line("");
    comment(comment);
    line("[" + name + "]");
    indent = "  ";
  }

  private void subTable(String name, String comment) {
    indent = "  ";
    comment(comment);
    line("[" + name + "]");
    indent = "    ";
  }

  private void arrayTable(String name) {
    indent = "  ";
    line("[[" + name + "]]");
    indent = "    ";
  }

  private void comment(String text) {
    line("# " + text);
  }

  private void kv(String key, Object value) {
    line(key + " = " + value(value));
  }

  private static String value(Object v) {
    if (v instanceof String s) {
      return quote(s);
    }
    if (v instanceof Duration d) {
      return quote(Durations.format(d));
    }
    if (v instanceof List<?> l) {
      return l.stream().map(TomlConfigWriter::value).collect(Collectors.joining(", ", "[", "]"));
    }
    return String.valueOf(v);
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  private void line(String s) {
    out.append(s.isEmpty() ? "" : indent + s).append('\n');
  }
}
