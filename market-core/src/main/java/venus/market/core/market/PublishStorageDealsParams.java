package venus.market.core.market;

import java.util.List;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;

/**
 * Params of PublishStorageDeals (method 4): tuple {@code [Deals]} — an array holding one array of
 * ClientDealProposals. All deals must name the same provider; the message comes from its worker or a control address.
 */
public record PublishStorageDealsParams(List<ClientDealProposal> deals) implements CborEncodable {

  public PublishStorageDealsParams {
    deals = List.copyOf(deals);
  }

  @Override
  public void writeCbor(CborWriter w) {
    w.writeArrayHeader(1);
    Fields.writeList(w, deals, (ww, d) -> d.writeCbor(ww));
  }

  public static PublishStorageDealsParams read(CborReader r) {
    r.readTupleHeader("PublishStorageDealsParams", 1);
    return new PublishStorageDealsParams(Fields.readList(r, ClientDealProposal::read));
  }

  public static PublishStorageDealsParams decode(byte[] cbor) {
    return CborReader.decode(cbor, PublishStorageDealsParams::read);
  }
}
