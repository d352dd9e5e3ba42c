package venus.market.client.data;

/** Told how many input bytes were processed, so a front end can show progress on long streams. */
@FunctionalInterface
public interface ByteProgress {

  ByteProgress NONE = n -> { };

  void advance(long bytes);
}
