package venus.market.p2p.mux;

/**
 * Accounts bytes received on a connection's streams and not yet read by their consumer. A stream reserves each data
 * frame as it buffers it and releases the bytes as they are read or dropped (close, reset, connection gone), so the
 * reservation always equals what the stream holds. Called on the event loop (reserve) and on reader threads
 * (release); implementations must not block.
 */
public interface StreamMemory {

  /** No budget: what sessions built outside a host (codec tests) use. */
  StreamMemory UNLIMITED = new StreamMemory() {
    @Override
    public boolean reserve(int n) {
      return true;
    }

    @Override
    public void release(long n) {}
  };

  /** True if {@code n} more bytes may be buffered; false means the caller resets the stream (nothing reserved). */
  boolean reserve(int n);

  /** Gives back {@code n} bytes reserved earlier. */
  void release(long n);
}
