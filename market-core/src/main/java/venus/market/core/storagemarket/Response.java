package venus.market.core.storagemarket;

import static venus.market.core.market.MapStruct.field;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;
import venus.market.core.market.MapStruct;
import venus.market.core.multiformats.Cid;

/**
 * The provider's answer to a proposal (mk/1.1.x map of 4 keys; mk/1.0.1 tuple {@code [State, Message, Proposal,
 * PublishMessage]}). Accepted ⇒ State = 18 (StorageDealWaitingForData), Message ""; rejected ⇒ State = 11
 * (StorageDealFailing) with the reason. The Go declaration order equals the canonical key order here, so legacy and
 * current Go sign the same bytes.
 *
 * @param state a StorageDealStatus code (see {@link StorageDealStatus})
 * @param proposal the proposal CID (sha2-256 of the ClientDealProposal)
 * @param publishMessage always null in practice
 */
public record Response(long state, String message, Cid proposal, Cid publishMessage) implements CborEncodable {

  public Response {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(proposal, "proposal");
  }

  public static Response accepted(Cid proposal) {
    return new Response(StorageDealStatus.WAITING_FOR_DATA.code(), "", proposal, null);
  }

  public static Response rejected(Cid proposal, String reason) {
    return new Response(StorageDealStatus.FAILING.code(), reason, proposal, null);
  }

  public Optional<StorageDealStatus> status() {
    return StorageDealStatus.fromCode(state);
  }

  private List<MapStruct.Field> fields() {
    return List.of(
        field("State", w -> w.writeUint64(state)),
        field("Message", w -> w.writeText(message)),
        field("Proposal", w -> w.writeCid(proposal)),
        field("PublishMessage", w -> w.writeNullableCid(publishMessage)));
  }

  @Override
  public void writeCbor(CborWriter w) {
    MapStruct.write(w, fields());
  }

  public void writeCborV101(CborWriter w) {
    w.writeArrayHeader(4);
    for (MapStruct.Field f : fields()) {
      f.value().accept(w);
    }
  }

  /** What the worker signs on mk/1.1.x: the CBOR of this map. */
  public byte[] signingBytes() {
    return toCbor();
  }

  /** What the worker signs on mk/1.0.1: the CBOR of the tuple. */
  public byte[] signingBytesV101() {
    CborWriter w = new CborWriter();
    writeCborV101(w);
    return w.toByteArray();
  }

  public static Response read(CborReader r) {
    MapStruct.Keys k = MapStruct.read(r, "Response");
    long state = 0;
    String message = "";
    Cid proposal = null;
    Cid publish = null;
    while (k.hasNext()) {
      switch (k.next()) {
        case "State" -> state = r.readUint64();
        case "Message" -> message = r.readText();
        case "Proposal" -> proposal = r.readCid();
        case "PublishMessage" -> publish = r.readNullableCid().orElse(null);
        default -> r.skipValue();
      }
    }
    k.require("Proposal");
    return new Response(state, message, proposal, publish);
  }

  public static Response readV101(CborReader r) {
    r.readTupleHeader("Response0", 4);
    return new Response(r.readUint64(), r.readText(), r.readCid(), r.readNullableCid().orElse(null));
  }
}
