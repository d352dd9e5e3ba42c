package venus.market.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash tests' hook {@link CarServer#TEST_BYTES_PER_SECOND}: a throttled server still serves the exact bytes
 * (whole and ranged), only no faster than the rate; unset, it is off.
 */
class CarServerThrottleTest {
  static final String UUID = "0b7d0a8e-4c39-4d0c-9d55-1c3b1b6f3f60";
  @TempDir Path tmp;

  @Test
  void aThrottledServerSendsTheSameBytesNoFasterThanTheRate() throws Exception {
    byte[] car = new byte[256 * 1024];
    new Random(3).nextBytes(car);
    Path file = Files.write(tmp.resolve("d.car"), car);
    CarTransfers offers = uuid -> uuid.equals(UUID) ? Optional.of(new CarTransfers.Offer(file, "t", car.length))
        : Optional.empty();
    long rate = 512 * 1024;
    try (CarServer server = CarServer.start("127.0.0.1", 0, offers, rate)) {
      HttpClient http = HttpClient.newHttpClient();
      URI uri = URI.create("http://127.0.0.1:" + server.port() + CarServer.PATH_PREFIX + UUID);
      long start = System.nanoTime();
      HttpResponse<byte[]> whole = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer t").build(),
          HttpResponse.BodyHandlers.ofByteArray());
      long elapsed = System.nanoTime() - start;
      assertThat(whole.statusCode()).isEqualTo(200);
      assertThat(whole.body()).isEqualTo(car);
      // 64 KiB writes, each once the bytes before it are due: the last one goes out at 192 KiB / 512 KiB/s
      assertThat(elapsed).as("256 KiB at 512 KiB/s").isGreaterThanOrEqualTo(375_000_000L);

      HttpResponse<byte[]> rest = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer t")
          .header("Range", "bytes=200000-").build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(rest.statusCode()).isEqualTo(206);
      assertThat(rest.body()).isEqualTo(java.util.Arrays.copyOfRange(car, 200000, car.length));
    }
    assertThat(System.getProperty(CarServer.TEST_BYTES_PER_SECOND)).as("off unless a test sets it").isNull();
  }
}
