package venus.market.daemon.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import venus.market.core.address.Address;
import venus.market.core.crypto.Signature;
import venus.market.daemon.config.MarketConfig;
import venus.market.daemon.signer.Signer;

/**
 * Signs go-fil-markets answers (mk/1.1 responses, status/1.1 deal states) with the miner's worker key, as
 * go-fil-markets' provider does. The worker key is looked up on chain and kept for a minute, so a burst of proposals
 * costs one lookup, and a worker change is picked up soon after.
 */
public final class ResponseSigner {
  private static final Duration KEY_TTL = Duration.ofMinutes(1);

  private record CachedKey(Address key, Instant until) {}

  private final Supplier<MarketConfig> config;
  private final Function<Address, Address> workerKeyLookup;
  private final Signer signer;
  private final Clock clock;
  private final ConcurrentHashMap<Address, CachedKey> keys = new ConcurrentHashMap<>();

  public ResponseSigner(Supplier<MarketConfig> config, Function<Address, Address> workerKeyLookup, Signer signer,
      Clock clock) {
    this.config = config;
    this.workerKeyLookup = workerKeyLookup;
    this.signer = signer;
    this.clock = clock;
  }

  /**
   * Signs {@code data} as {@code miner}'s worker. A proposal for a miner we do not serve is answered by the first
   * configured miner's worker (the client learns who refused it); so is an answer about no deal ({@code miner} null).
   */
  public Signature sign(Address miner, byte[] data, String metaType) {
    Address m = miner != null && config.get().miner(miner.toString()).isPresent() ? miner : firstMiner();
    return signer.sign(workerKey(m), data, Signer.SignMeta.of(metaType));
  }

  /** The worker key address that signs for {@code miner}. */
  public Address workerKey(Address miner) {
    Instant now = clock.instant();
    CachedKey c = keys.get(miner);
    if (c == null || now.isAfter(c.until())) {
      c = new CachedKey(workerKeyLookup.apply(miner), now.plus(KEY_TTL));
      keys.put(miner, c);
    }
    return c.key();
  }

  private Address firstMiner() {
    var miners = config.get().storageMiners();
    if (miners.isEmpty()) {
      throw new IllegalStateException("no [[StorageMiners]] configured: nobody can sign deal responses");
    }
    return Address.parse(miners.get(0).addr());
  }
}
