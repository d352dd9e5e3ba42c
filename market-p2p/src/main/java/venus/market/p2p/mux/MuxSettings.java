package venus.market.p2p.mux;

import java.time.Duration;

/**
 * Limits and timeouts of a muxed session.
 *
 * @param maxStreams concurrent streams per connection (both directions); inbound ones beyond it are reset
 * @param yamuxWindow initial (and fixed) per-stream receive window; 256 KiB is the spec's value
 * @param mplexMaxBuffered unread bytes an mplex stream may hold before it is reset (mplex has no flow control)
 * @param streamTimeout default deadline for each read and each wait for window / writability
 */
public record MuxSettings(int maxStreams, int yamuxWindow, int mplexMaxBuffered, Duration streamTimeout) {

  public static final int YAMUX_INITIAL_WINDOW = 256 * 1024;

  public static MuxSettings defaults() {
    return new MuxSettings(512, YAMUX_INITIAL_WINDOW, 4 * 1024 * 1024, Duration.ofSeconds(60));
  }
}
