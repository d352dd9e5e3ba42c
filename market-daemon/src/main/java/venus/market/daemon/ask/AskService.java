package venus.market.daemon.ask;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.core.MarketException;
import venus.market.core.address.Address;
import venus.market.core.amount.TokenAmount;
import venus.market.core.crypto.Signature;
import venus.market.core.storagemarket.SignedStorageAsk;
import venus.market.core.storagemarket.StorageAsk;
import venus.market.daemon.actor.MinerActors;
import venus.market.daemon.node.NodeClient;
import venus.market.daemon.signer.Signer;
import venus.market.daemon.store.KvStore;

/**
 * One storage ask per miner: built at the current chain height, signed by the miner's worker key,
 * persisted before it is served. Unlike droplet 2022, every set increments SeqNo (as lotus does).
 */
public final class AskService {
  private static final Logger LOG = LoggerFactory.getLogger(AskService.class);
  static final String PREFIX = "/storage/provider/storage-ask/";
  public static final long MIN_PIECE_SIZE = 256;

  private final KvStore store;
  private final MinerActors actors;
  private final NodeClient node;
  private final Signer signer;

  public AskService(KvStore store, MinerActors actors, NodeClient node, Signer signer) {
    this.store = store;
    this.actors = actors;
    this.node = node;
    this.signer = signer;
  }

  /** MarketSetAsk: prices in attoFIL per GiB per epoch, sizes padded bytes, duration in epochs. */
  public synchronized SignedStorageAsk setAsk(Address miner, BigInteger price, BigInteger verifiedPrice,
      long durationEpochs, long minPieceSize, long maxPieceSize) {
    actors.requireConfigured(miner);
    if (price.signum() < 0 || verifiedPrice.signum() < 0) {
      throw new MarketException("ask prices must not be negative");
    }
    if (durationEpochs <= 0) {
      throw new MarketException("ask duration must be positive, got " + durationEpochs + " epochs");
    }
    checkSize("min piece size", minPieceSize);
    checkSize("max piece size", maxPieceSize);
    if (maxPieceSize < minPieceSize) {
      throw new MarketException("max piece size " + maxPieceSize + " is below min piece size " + minPieceSize);
    }
    long sectorSize = actors.sectorSize(miner);
    if (maxPieceSize > sectorSize) {
      throw new MarketException("max piece size (w/bit-padding) " + maxPieceSize
          + " cannot exceed the miner's sector size " + sectorSize);
    }
    long seqNo = get(miner).map(a -> a.signed().ask().seqNo() + 1).orElse(0L);
    long height = node.chainHead().height();
    StorageAsk ask = new StorageAsk(TokenAmount.ofAtto(price), TokenAmount.ofAtto(verifiedPrice), minPieceSize,
        maxPieceSize, miner, height, height + durationEpochs, seqNo);
    Address worker = actors.workerKey(miner);
    Signature sig = signer.sign(worker, ask.signingBytes(), Signer.SignMeta.of(Signer.SignMeta.STORAGE_ASK));
    Signature sigV101 = signer.sign(worker, ask.signingBytesV101(), Signer.SignMeta.of(Signer.SignMeta.STORAGE_ASK));
    StoredAsk stored = new StoredAsk(new SignedStorageAsk(ask, sig), sigV101);
    store.put(PREFIX + miner, stored.toCbor());
    LOG.info("ask set miner={} price={} verified_price={} min={} max={} expiry={} seq={}", miner, price,
        verifiedPrice, minPieceSize, maxPieceSize, ask.expiry(), seqNo);
    return stored.signed();
  }

  public Optional<StoredAsk> get(Address miner) {
    return store.get(PREFIX + miner).map(StoredAsk::fromCbor);
  }

  public List<SignedStorageAsk> list() {
    List<SignedStorageAsk> out = new ArrayList<>();
    for (byte[] v : store.scan(PREFIX).values()) {
      out.add(StoredAsk.fromCbor(v).signed());
    }
    return out;
  }

  private static void checkSize(String what, long size) {
    if (size < MIN_PIECE_SIZE || Long.bitCount(size) != 1) {
      throw new MarketException(what + " " + size + " must be a power of two of at least " + MIN_PIECE_SIZE + " bytes");
    }
  }
}
