package venus.market.daemon.deals;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import venus.market.core.address.Address;
import venus.market.core.amount.TokenAmount;
import venus.market.core.crypto.SigType;
import venus.market.core.crypto.Signature;
import venus.market.core.market.ClientDealProposal;
import venus.market.core.market.DealLabel;
import venus.market.core.market.DealProposal;
import venus.market.core.multiformats.Cid;
import venus.market.core.multiformats.Multicodec;
import venus.market.core.multiformats.Multihash;
import venus.market.daemon.store.KvStore;

/** Fixtures: distinct signed-looking proposals, a stepping clock, an in-memory KvStore. */
final class TestDeals {
  private TestDeals() {}

  static ClientDealProposal proposal(int n) {
    byte[] commP = new byte[32];
    Arrays.fill(commP, (byte) n);
    commP[31] &= 0x3f; // a valid Fr32 commitment has its top two bits clear
    Cid piece = Cid.v1(Multicodec.FIL_COMMITMENT_UNSEALED, Multihash.of(Multicodec.SHA2_256_TRUNC254_PADDED, commP));
    DealProposal p = new DealProposal(piece, 2048, false, Address.newId(1000 + n), Address.newId(1000),
        DealLabel.ofString("deal-" + n), 100_000, 100_000 + 518_400, new TokenAmount(BigInteger.valueOf(1000 + n)),
        TokenAmount.ZERO, TokenAmount.ZERO);
    byte[] sig = new byte[65];
    Arrays.fill(sig, (byte) (n + 1));
    return new ClientDealProposal(p, Signature.of(SigType.SECP256K1, sig));
  }

  /** A clock that advances one second per reading, so every transition gets a distinct time. */
  static Clock steppingClock() {
    AtomicLong seconds = new AtomicLong(1_795_000_000L);
    return new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return Instant.ofEpochSecond(seconds.getAndIncrement(), 123_456_789);
      }
    };
  }

  static Clock fixedClock() {
    return Clock.fixed(Instant.parse("2026-11-24T08:00:00.5Z"), ZoneOffset.UTC);
  }

  /** A KvStore in memory; write() is atomic under the lock like the RocksDB batch. */
  static final class MemKv implements KvStore {
    final TreeMap<String, byte[]> map = new TreeMap<>();
    int batches;

    @Override
    public synchronized Optional<byte[]> get(String key) {
      return Optional.ofNullable(map.get(key));
    }

    @Override
    public synchronized void put(String key, byte[] value) {
      map.put(key, value);
    }

    @Override
    public synchronized void delete(String key) {
      map.remove(key);
    }

    @Override
    public synchronized void write(Map<String, byte[]> puts, Collection<String> deletes) {
      batches++;
      deletes.forEach(map::remove);
      map.putAll(puts);
    }

    @Override
    public synchronized Map<String, byte[]> scan(String prefix) {
      Map<String, byte[]> out = new TreeMap<>();
      map.tailMap(prefix).forEach((k, v) -> {
        if (k.startsWith(prefix)) {
          out.put(k, v);
        }
      });
      return out;
    }

    @Override
    public void close() {}
  }
}
