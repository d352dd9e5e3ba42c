package venus.market.core.piece;

/**
 * Go's math/rand source (additive lagged Fibonacci generator, lags 607 and 273) for the go-random test files
 * ({@code random <size> 1337}). Go seeds it by XOR-ing a Lehmer-generated vector into a "cooked" table: the state after
 * 7.8e12 steps from seed 1. Instead of carrying that table, it is derived here by jumping the generator ahead:
 * the recurrence y[k] = y[k-607] + y[k-273] (mod 2^64) is linear, so y[n+M] = Σ c_i y[n+i] with
 * c(x) = x^M mod (x^607 - x^334 - 1).
 */
final class GoMathRand {

  private static final int LEN = 607;
  private static final int TAP = 273;
  private static final long MASK = Long.MAX_VALUE;
  private static final long COOKED_STEPS = 7_800_000_000_000L;
  private static final long[] COOKED = cooked();

  private final long[] vec = new long[LEN];
  private int tap;
  private int feed;

  GoMathRand(long seed) {
    tap = 0;
    feed = LEN - TAP;
    seed = seed % Integer.MAX_VALUE;
    if (seed < 0) {
      seed += Integer.MAX_VALUE;
    }
    if (seed == 0) {
      seed = 89482311;
    }
    int x = (int) seed;
    for (int i = -20; i < LEN; i++) {
      x = seedrand(x);
      if (i >= 0) {
        long u = (long) x << 40;
        x = seedrand(x);
        u ^= (long) x << 20;
        x = seedrand(x);
        u ^= x;
        vec[i] = u ^ COOKED[i];
      }
    }
  }

  long int63() {
    if (--tap < 0) {
      tap += LEN;
    }
    if (--feed < 0) {
      feed += LEN;
    }
    long x = vec[feed] + vec[tap];
    vec[feed] = x;
    return x & MASK;
  }

  int uint32() {
    return (int) (int63() >>> 31);
  }

  /** What go-random's {@code random count seed} writes: little-endian Uint32s, the last one truncated. */
  static byte[] bytes(int count, long seed) {
    GoMathRand r = new GoMathRand(seed);
    byte[] out = new byte[count];
    for (int i = 0; i < count;) {
      int n = r.uint32();
      for (int j = 0; j < 4 && i < count; j++, i++) {
        out[i] = (byte) n;
        n >>>= 8;
      }
    }
    return out;
  }

  /**
   * The next {@code len} bytes of the same stream {@link #bytes} yields, into {@code out[off..]}; {@code len} must be a
   * multiple of 4 so that consecutive calls continue the stream exactly.
   */
  void nextBytes(byte[] out, int off, int len) {
    if (len % 4 != 0) {
      throw new IllegalArgumentException("stream chunks must be whole Uint32s, got " + len + " bytes");
    }
    for (int i = off; i < off + len; i += 4) {
      int n = uint32();
      out[i] = (byte) n;
      out[i + 1] = (byte) (n >>> 8);
      out[i + 2] = (byte) (n >>> 16);
      out[i + 3] = (byte) (n >>> 24);
    }
  }

  /** Go's seedrand: x * 48271 mod (2^31 - 1) via Schrage's method. */
  private static int seedrand(int x) {
    int hi = x / 44488;
    int lo = x % 44488;
    x = 48271 * lo - 3399 * hi;
    if (x < 0) {
      x += Integer.MAX_VALUE;
    }
    return x;
  }

  /** The state after {@link #COOKED_STEPS} steps from the seed-1 vector Go's table generator starts from. */
  static long[] cooked() {
    long[] init = new long[LEN];
    int x = 1;
    for (int i = -20; i < LEN; i++) {
      x = seedrand(x);
      if (i >= 0) {
        long u = (long) x << 20;
        x = seedrand(x);
        u ^= (long) x << 10;
        x = seedrand(x);
        u ^= x;
        init[i] = u;
      }
    }
    // Step k (k >= 1) writes y[k] at position (334 - k) mod 607; y[j] for j in [-606, 0] is the initial content of
    // position (334 - j) mod 607. Window base: y[-606 + i], i = 0..606.
    long[] window = new long[LEN];
    for (int i = 0; i < LEN; i++) {
      int j = -606 + i;
      window[i] = init[Math.floorMod(334 - j, LEN)];
    }
    long[] c = powX(COOKED_STEPS);
    long[] state = new long[LEN];
    for (int i = 0; i < LEN; i++) {
      // c = x^(N+i): gives y[N - 606 + i]
      long y = 0;
      for (int t = 0; t < LEN; t++) {
        y += c[t] * window[t];
      }
      long k = COOKED_STEPS - 606 + i;
      state[(int) Math.floorMod(334 - k, (long) LEN)] = y;
      c = timesX(c);
    }
    return state;
  }

  private static long[] powX(long n) {
    long[] r = new long[LEN];
    r[0] = 1;
    for (int bit = 63 - Long.numberOfLeadingZeros(n); bit >= 0; bit--) {
      r = mulMod(r, r);
      if ((n >>> bit & 1) != 0) {
        r = timesX(r);
      }
    }
    return r;
  }

  private static long[] timesX(long[] a) {
    long[] r = new long[LEN];
    System.arraycopy(a, 0, r, 1, LEN - 1);
    long top = a[LEN - 1];
    r[0] += top;
    r[LEN - TAP] += top;
    return r;
  }

  private static long[] mulMod(long[] a, long[] b) {
    long[] p = new long[2 * LEN - 1];
    for (int i = 0; i < LEN; i++) {
      long ai = a[i];
      if (ai == 0) {
        continue;
      }
      for (int j = 0; j < LEN; j++) {
        p[i + j] += ai * b[j];
      }
    }
    for (int d = 2 * LEN - 2; d >= LEN; d--) {
      long v = p[d];
      p[d - LEN] += v;
      p[d - TAP] += v;
    }
    long[] r = new long[LEN];
    System.arraycopy(p, 0, r, 0, LEN);
    return r;
  }
}
