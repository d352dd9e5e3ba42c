package venus.market.core.storagemarket;

import static venus.market.core.market.MapStruct.field;

import java.util.List;
import java.util.Objects;
import venus.market.core.address.Address;
import venus.market.core.amount.TokenAmount;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;
import venus.market.core.market.Fields;
import venus.market.core.market.MapStruct;

/**
 * go-fil-markets storagemarket.StorageAsk. On ask/1.1.0 a map with 8 keys; on ask/1.0.1 the tuple {@code [Price,
 * VerifiedPrice, MinPieceSize, MaxPieceSize, Miner, Timestamp, Expiry, SeqNo]} (Go declaration order, which is
 * also the legacy map key order).
 *
 * @param price attoFIL per GiB per epoch, unverified deals
 * @param verifiedPrice attoFIL per GiB per epoch, verified deals
 * @param minPieceSize padded bytes
 * @param maxPieceSize padded bytes
 * @param timestamp chain height when the ask was set
 * @param expiry epoch after which the ask is void
 */
public record StorageAsk(
    TokenAmount price,
    TokenAmount verifiedPrice,
    long minPieceSize,
    long maxPieceSize,
    Address miner,
    long timestamp,
    long expiry,
    long seqNo) implements CborEncodable {

  public StorageAsk {
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(verifiedPrice, "verifiedPrice");
    Objects.requireNonNull(miner, "miner");
  }

  private List<MapStruct.Field> fields() {
    return List.of(
        field("Price", w -> Fields.writeAmount(w, price)),
        field("VerifiedPrice", w -> Fields.writeAmount(w, verifiedPrice)),
        field("MinPieceSize", w -> w.writeUint64(minPieceSize)),
        field("MaxPieceSize", w -> w.writeUint64(maxPieceSize)),
        field("Miner", w -> Fields.writeAddress(w, miner)),
        field("Timestamp", w -> w.writeInt64(timestamp)),
        field("Expiry", w -> w.writeInt64(expiry)),
        field("SeqNo", w -> w.writeUint64(seqNo)));
  }

  /** ask/1.1.0 form: canonical map. */
  @Override
  public void writeCbor(CborWriter w) {
    MapStruct.write(w, fields());
  }

  /** ask/1.0.1 form: the 8-field tuple. */
  public void writeCborV101(CborWriter w) {
    w.writeArrayHeader(8);
    for (MapStruct.Field f : fields()) {
      f.value().accept(w);
    }
  }

  /**
   * Every byte form a peer may have signed for the map protocol: canonical (current Go) first, then the legacy
   * declaration order. Verify a received signature against each; accept if any verifies.
   */
  public List<byte[]> signingBytesCandidates() {
    return List.of(signingBytes(), signingBytesGoLegacyOrder());
  }

  public static StorageAsk read(CborReader r) {
    MapStruct.Keys k = MapStruct.read(r, "StorageAsk");
    TokenAmount price = null;
    TokenAmount verifiedPrice = null;
    long min = 0;
    long max = 0;
    Address miner = null;
    long timestamp = 0;
    long expiry = 0;
    long seqNo = 0;
    while (k.hasNext()) {
      switch (k.next()) {
        case "Price" -> price = Fields.readAmount(r);
        case "VerifiedPrice" -> verifiedPrice = Fields.readAmount(r);
        case "MinPieceSize" -> min = r.readUint64();
        case "MaxPieceSize" -> max = r.readUint64();
        case "Miner" -> miner = Fields.readAddress(r);
        case "Timestamp" -> timestamp = r.readInt64();
        case "Expiry" -> expiry = r.readInt64();
        case "SeqNo" -> seqNo = r.readUint64();
        default -> r.skipValue();
      }
    }
    k.require("Price", "VerifiedPrice", "Miner");
    return new StorageAsk(price, verifiedPrice, min, max, miner, timestamp, expiry, seqNo);
  }

  public static StorageAsk readV101(CborReader r) {
    r.readTupleHeader("StorageAsk0", 8);
    return new StorageAsk(Fields.readAmount(r), Fields.readAmount(r), r.readUint64(), r.readUint64(),
        Fields.readAddress(r), r.readInt64(), r.readInt64(), r.readUint64());
  }

  public static StorageAsk decode(byte[] cbor) {
    return CborReader.decode(cbor, StorageAsk::read);
  }

  /** What the worker signs for ask/1.1.0: the canonical map (current Go). */
  public byte[] signingBytes() {
    return toCbor();
  }

  /** What the worker signs for ask/1.0.1: the tuple. */
  public byte[] signingBytesV101() {
    CborWriter w = new CborWriter();
    writeCborV101(w);
    return w.toByteArray();
  }

  /**
   * The map in Go declaration order, as go-fil-markets before v1.28 (venus-market v2.0, lotus-miner markets) wrote
   * and signed it. Verifiers should accept a signature over either this or {@link #signingBytes()}.
   */
  public byte[] signingBytesGoLegacyOrder() {
    return MapStruct.encodeInDeclarationOrder(fields());
  }
}
