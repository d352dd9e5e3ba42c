package venus.market.core.storagemarket;

import static venus.market.core.market.MapStruct.field;

import java.util.List;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;
import venus.market.core.market.ClientDealProposal;
import venus.market.core.market.MapStruct;

/**
 * The deal proposal message, client → provider. mk/1.1.1 and mk/1.1.0: map {@code {DealProposal, Piece,
 * FastRetrieval}}; mk/1.0.1: tuple {@code [DealProposal, Piece, FastRetrieval]}. Go declares both pointers
 * nullable; a provider rejects a proposal without them.
 *
 * <p>mk/1.1.0 peers parse the label as a string only: a provider serving 1.1.0 must reject a byte label, and a
 * client must not send one there (see {@link #hasByteLabel()}).
 */
public record Proposal(ClientDealProposal dealProposal, DataRef piece, boolean fastRetrieval)
    implements CborEncodable {

  private List<MapStruct.Field> fields() {
    return List.of(
        field("DealProposal", w -> {
          if (dealProposal == null) {
            w.writeNull();
          } else {
            dealProposal.writeCbor(w);
          }
        }),
        field("Piece", w -> {
          if (piece == null) {
            w.writeNull();
          } else {
            piece.writeCbor(w);
          }
        }),
        field("FastRetrieval", w -> w.writeBool(fastRetrieval)));
  }

  @Override
  public void writeCbor(CborWriter w) {
    MapStruct.write(w, fields());
  }

  public byte[] toCborV101() {
    CborWriter w = new CborWriter();
    w.writeArrayHeader(3);
    if (dealProposal == null) {
      w.writeNull();
    } else {
      dealProposal.writeCbor(w);
    }
    if (piece == null) {
      w.writeNull();
    } else {
      piece.writeCborV101(w);
    }
    w.writeBool(fastRetrieval);
    return w.toByteArray();
  }

  /** True if the deal label is a byte label, which mk/1.1.0 and 1.0.1 peers cannot parse. */
  public boolean hasByteLabel() {
    return dealProposal != null && dealProposal.proposal().label().isBytes();
  }

  public static Proposal read(CborReader r) {
    MapStruct.Keys k = MapStruct.read(r, "Proposal");
    ClientDealProposal dp = null;
    DataRef piece = null;
    boolean fast = false;
    while (k.hasNext()) {
      switch (k.next()) {
        case "DealProposal" -> dp = r.readNullIfPresent() ? null : ClientDealProposal.read(r);
        case "Piece" -> piece = r.readNullIfPresent() ? null : DataRef.read(r);
        case "FastRetrieval" -> fast = r.readBool();
        default -> r.skipValue();
      }
    }
    return new Proposal(dp, piece, fast);
  }

  public static Proposal readV101(CborReader r) {
    r.readTupleHeader("Proposal0", 3);
    ClientDealProposal dp = r.readNullIfPresent() ? null : ClientDealProposal.read(r);
    DataRef piece = r.readNullIfPresent() ? null : DataRef.readV101(r);
    return new Proposal(dp, piece, r.readBool());
  }

  public static Proposal decode(byte[] cbor) {
    return CborReader.decode(cbor, Proposal::read);
  }

  public static Proposal decodeV101(byte[] cbor) {
    return CborReader.decode(cbor, Proposal::readV101);
  }
}
