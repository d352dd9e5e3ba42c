package venus.market.daemon.deals;

import java.time.Instant;
import java.util.UUID;
import venus.market.core.amount.TokenAmount;
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
  private static final long VERSION = 2;
  private static final long VERSION_1 = 1;
  private static final int DEAL_FIELDS_V1 = 11;
  private static final int DEAL_FIELDS = 23;
  private static final int ENTRY_FIELDS = 6;
  private static final long ENTRY_VERSION = 1;

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
    if (d.dealUuid() == null) {
      w.writeNull();
    } else {
      w.writeBytes(uuidBytes(d.dealUuid()));
    }
    w.writeText(d.protocol());
    w.writeText(d.clientPeerId());
    w.writeArrayHeader(3);
    w.writeText(d.transfer().type());
    w.writeText(d.transfer().params());
    w.writeUint64(d.transfer().size());
    w.writeNullableCid(d.payloadCid());
    w.writeUint64(d.payloadSize());
    w.writeBool(d.fastRetrieval());
    w.writeText(d.inboundPath());
    w.write(d.fundsReserved());
    w.writeNullableCid(d.addFundsCid());
    w.writeText(d.pieceStatus());
    w.writeUint64(d.sectorNumber());
    w.writeUint64(d.offset());
    return w.toByteArray();
  }

  static ProviderDeal decodeDeal(String key, byte[] bytes) {
    try {
      CborReader r = new CborReader(bytes);
      int fields = r.readArrayHeader(DEAL_FIELDS);
      long v = r.readUint64();
      if (!(v == VERSION && fields == DEAL_FIELDS) && !(v == VERSION_1 && fields == DEAL_FIELDS_V1)) {
        throw new DealStoreException(key + ": record version " + v + " with " + fields + " fields; this build reads "
            + "version " + VERSION_1 + " (" + DEAL_FIELDS_V1 + " fields) and " + VERSION + " (" + DEAL_FIELDS
            + " fields) (was the repo written by a newer venus-market?)");
      }
      ClientDealProposal proposal = ClientDealProposal.read(r);
      ProviderDeal.Builder b = ProviderDeal.builder(proposal, Instant.EPOCH);
      b.state(status(r.readUint64(), key));
      b.dealId(r.readUint64());
      b.piecePath(r.readText());
      b.transferredBytes(r.readUint64());
      b.publishCid(r.readNullableCid().orElse(null));
      b.message(r.readText());
      Instant created = readTime(r);
      b.updatedAt(readTime(r));
      if (v == VERSION_1) {
        r.readUint64(); // reserved
      } else {
        b.dealUuid(r.readNullIfPresent() ? null : uuid(r.readBytes(16), key));
        b.protocol(r.readText());
        b.clientPeerId(r.readText());
        r.readTupleHeader("DealTransfer", 3);
        b.transfer(new DealTransfer(r.readText(), r.readText(), r.readUint64()));
        b.payloadCid(r.readNullableCid().orElse(null));
        b.payloadSize(r.readUint64());
        b.fastRetrieval(r.readBool());
        b.inboundPath(r.readText());
        b.fundsReserved(TokenAmount.readCbor(r));
        b.addFundsCid(r.readNullableCid().orElse(null));
        b.pieceStatus(r.readText());
        b.sectorNumber(r.readUint64());
        b.offset(r.readUint64());
      }
      r.requireEnd();
      ProviderDeal d = withCreated(b.build(), created);
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

  // The builder fixes the creation time at construction (it never changes afterwards), so the stored one is put
  // back through the canonical constructor.
  private static ProviderDeal withCreated(ProviderDeal d, Instant created) {
    return new ProviderDeal(d.proposalCid(), d.proposal(), d.state(), d.dealId(), d.piecePath(),
        d.transferredBytes(), d.publishCid(), d.message(), created, d.updatedAt(), d.dealUuid(), d.protocol(),
        d.clientPeerId(), d.transfer(), d.payloadCid(), d.payloadSize(), d.fastRetrieval(), d.inboundPath(),
        d.fundsReserved(), d.addFundsCid(), d.pieceStatus(), d.sectorNumber(), d.offset());
  }

  private static byte[] uuidBytes(UUID u) {
    return java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits())
        .array();
  }

  private static UUID uuid(byte[] b, String key) {
    if (b.length != 16) {
      throw new DealStoreException(key + ": deal UUID has " + b.length + " bytes, expected 16");
    }
    java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(b);
    return new UUID(buf.getLong(), buf.getLong());
  }

  static byte[] encode(DealTransition t) {
    CborWriter w = new CborWriter();
    w.writeArrayHeader(ENTRY_FIELDS);
    w.writeUint64(ENTRY_VERSION);
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
    if (v != ENTRY_VERSION) {
      throw new DealStoreException(key + ": record version " + v + ", this build reads " + ENTRY_VERSION
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
