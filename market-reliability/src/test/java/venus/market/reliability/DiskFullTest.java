package venus.market.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.core.jsonrpc.RpcRemoteException;
import venus.market.core.multiformats.Cid;
import venus.market.core.storagemarket.StorageDealStatus;

/**
 * A full disk under the provider process's filesystem piece storage: the piece directory is a 4 MiB tmpfs and the
 * deal's CAR is 6 MiB. import-data fails with the operating system's "No space left on device", naming the piece
 * store and its directory, leaves no temp file and no piece, and the deal still waits for its data; after the
 * filesystem grows (remount) the same import succeeds. Needs permission to mount a tmpfs (root with CAP_SYS_ADMIN, as on the build
 * machine); where mounting is refused the test is reported as skipped with that reason.
 */
class DiskFullTest {
  @TempDir Path tmp;
  DevnetProcess devnet;
  ProviderProcess provider;
  Path mount;

  @AfterEach
  void tearDown() throws Exception {
    ProgramProcess.closeAll(provider, devnet);
    if (mount != null) {
      run("umount", mount.toString());
    }
  }

  @Test
  void importDataOnAFullDiskFailsCleanlyAndSucceedsOnceThereIsRoom() throws Exception {
    Path pieces = Files.createDirectories(tmp.resolve("pieces"));
    Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", pieces.toString()) == 0,
        "cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN)");
    mount = pieces;
    Path logs = Paths.get("target", "diskfull-logs");
    devnet = new DevnetProcess(tmp.resolve("devnet"), logs.resolve("devnet.log"), Duration.ofMillis(250)).start();
    provider = new ProviderProcess(tmp.resolve("market"), pieces, logs.resolve("provider.log"), devnet,
        ProviderCrashTest.POLICY);

    ClientProcess data = new ClientProcess(tmp.resolve("client"), logs.resolve("client.log"), devnet, "");
    Path file = tmp.resolve("data.bin");
    byte[] bytes = new byte[6 << 20];
    new Random(6).nextBytes(bytes);
    Files.write(file, bytes);
    Path car = tmp.resolve("data.car");
    data.cli("data", "generate-car", file.toString(), car.toString()).ok();
    String commP = data.cli("data", "commP", car.toString()).ok();
    Cid pieceCid = Cid.parse(OfflineDealCrashTest.field(commP, "CID:"));
    long padded = Long.parseLong(OfflineDealCrashTest.field(commP, "Piece size in bytes:")) / 127 * 128;

    DealSeeder chain = new DealSeeder(devnet);
    chain.fundClient(2);
    String deal = DealSeeder.seedWaitingForData(provider.repo(), chain.proposal(pieceCid, padded, 4000));
    provider.start();
    provider.await(deal, StorageDealStatus.WAITING_FOR_DATA, Duration.ofSeconds(60));

    assertThatThrownBy(() -> provider.rpc().call("DealsImportData", Map.of("/", deal), car.toString()))
        .isInstanceOf(RpcRemoteException.class)
        .hasMessageContaining("No space left on device")
        // which store and which directory filled up, and what to do
        .hasMessageContaining("piece store fs: writing piece " + pieceCid + " in " + pieces + " failed")
        .hasMessageContaining("point [PieceStorage.Fs] Path (or --piecestorage) at a disk with room");
    assertThat(provider.state(deal)).isEqualTo(StorageDealStatus.WAITING_FOR_DATA);
    assertThat(files(pieces)).as("files left on the full disk").isEmpty();

    assertThat(run("mount", "-o", "remount,size=32m", pieces.toString())).isZero();
    provider.rpc().call("DealsImportData", Map.of("/", deal), car.toString());
    Poll.until("the deal to move past WaitingForData", Duration.ofSeconds(60), Duration.ofMillis(100),
        () -> provider.state(deal) != StorageDealStatus.WAITING_FOR_DATA);
    assertThat(provider.state(deal)).isNotEqualTo(StorageDealStatus.ERROR);
    List<Path> stored = files(pieces);
    assertThat(stored).extracting(p -> p.getFileName().toString()).containsExactly(pieceCid.toString());
    assertThat(Files.mismatch(stored.get(0), car)).isEqualTo(-1L);
  }

  static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }

  /** Exit code of {@code cmd}, or -1 when it cannot run at all (no such program). */
  static int run(String... cmd) throws InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    } catch (IOException e) {
      return -1;
    }
    try {
      p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    } catch (IOException e) {
      // the exit code below says enough
    }
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return -1;
    }
    return p.exitValue();
  }
}
