package venus.market.daemon.deals;

import java.time.Instant;
import venus.market.core.MarketException;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;
import venus.market.core.market.ClientDealProposal;
import venus.market.core.storagemarket.StorageDealStatus;

/**
 * The stored form of deals and history entries: versioned CBOR tuples. CBOR rather than JSON because the proposal
 * must round-trip byte-exactly (its CID is its key; Lotus JSON drops byte labels).
 */
final class DealCodec {
  private static final long VERSION = 1;
  private static final int DEAL_FIELDS = 11;
  private static final int ENTRY_FIELDS = 6;

  private DealCodec() {}

  static byte[] encode(ProviderDeal d) {
    CborWriter w = new CborWriter();
    w.writeArrayHeader(DEAL_FIELDS);
    w.writeUint64(VERSION);
    w.write(d.proposal());
    w.writeUint64(d.state().code());
    w.writeUint64(d.dealId());
    w.writeText(d.piecePath());
    w.writeUint64(d.transferredBytes());
    w.writeNullableCid(d.publishCid());
    w.writeText(d.message());
    writeTime(w, d.createdAt());
    writeTime(w, d.updatedAt());
    w.writeUint64(0); // reserved
    return w.toByteArray();
  }

  static ProviderDeal decodeDeal(String key, byte[] bytes) {
    try {
      CborReader r = new CborReader(bytes);
      r.readTupleHeader("ProviderDeal", DEAL_FIELDS);
      version(r, key);
      ClientDealProposal proposal = ClientDealProposal.read(r);
      StorageDealStatus state = status(r.readUint64(), key);
      long dealId = r.readUint64();
      String piecePath = r.readText();
      long transferred = r.readUint64();
      var publishCid = r.readNullableCid().orElse(null);
      String message = r.readText();
      Instant created = readTime(r);
      Instant updated = readTime(r);
      r.readUint64();
      r.requireEnd();
      ProviderDeal d = new ProviderDeal(proposal.proposalCid(), proposal, state, dealId, piecePath, transferred,
          publishCid, message, created, updated);
      if (!key.endsWith("/" + d.proposalCid())) {
        throw new DealStoreException(key + " holds the deal of proposal " + d.proposalCid());
      }
      return d;
    } catch (DealStoreException e) {
      throw e;
    } catch (MarketException | IllegalArgumentException | java.time.DateTimeException e) {
      throw new DealStoreException("corrupt deal record " + key + ": " + e.getMessage(), e);
    }
  }

  static byte[] encode(DealTransition t) {
    CborWriter w = new CborWriter();
    w.writeArrayHeader(ENTRY_FIELDS);
    w.writeUint64(VERSION);
    writeTime(w, t.time());
    w.writeUint64(t.from().code());
    w.writeUint64(t.to().code());
    w.writeText(t.event().name());
    w.writeText(t.note());
    return w.toByteArray();
  }

  static DealTransition decodeEntry(String key, byte[] bytes) {
    try {
      CborReader r = new CborReader(bytes);
      r.readTupleHeader("DealTransition", ENTRY_FIELDS);
      version(r, key);
      Instant time = readTime(r);
      StorageDealStatus from = status(r.readUint64(), key);
      StorageDealStatus to = status(r.readUint64(), key);
      ProviderEvent event = ProviderEvent.valueOf(r.readText());
      String note = r.readText();
      r.requireEnd();
      return new DealTransition(time, from, to, event, note);
    } catch (MarketException | IllegalArgumentException | java.time.DateTimeException e) {
      throw new DealStoreException("corrupt deal history entry " + key + ": " + e.getMessage(), e);
    }
  }

  private static void version(CborReader r, String key) {
    long v = r.readUint64();
    if (v != VERSION) {
      throw new DealStoreException(key + ": record version " + v + ", this build reads " + VERSION
          + " (was the repo written by a newer venus-market?)");
    }
  }

  private static StorageDealStatus status(long code, String key) {
    return StorageDealStatus.fromCode(code)
        .orElseThrow(() -> new DealStoreException(key + ": unknown StorageDealStatus code " + code));
  }

  // Two fields (seconds, nanos) in one tuple slot would shift the layout; so time is one array of two.
  private static void writeTime(CborWriter w, Instant t) {
    w.writeArrayHeader(2);
    w.writeInt64(t.getEpochSecond());
    w.writeUint64(t.getNano());
  }

  private static Instant readTime(CborReader r) {
    r.readTupleHeader("Time", 2);
    long seconds = r.readInt64();
    long nanos = r.readUint64();
    return Instant.ofEpochSecond(seconds, nanos);
  }
}
