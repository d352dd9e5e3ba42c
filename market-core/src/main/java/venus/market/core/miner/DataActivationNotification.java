package venus.market.core.miner;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import venus.market.core.address.Address;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;
import venus.market.core.market.Fields;
import venus.market.core.market.MarketMethods;

/**
 * miner.DataActivationNotification: tuple {@code [Address, Payload]} — an actor the miner notifies
 * (SectorContentChanged) when the piece is activated.
 */
public record DataActivationNotification(Address address, byte[] payload) implements CborEncodable {

  public DataActivationNotification {
    Objects.requireNonNull(address, "address");
    payload = payload.clone();
  }

  /**
   * The notification that activates a published market deal: to f05, payload = the CBOR of the deal ID (an unsigned
   * integer), which the market actor decodes in SectorContentChanged.
   */
  public static DataActivationNotification marketDeal(long dealId) {
    CborWriter w = new CborWriter();
    w.writeUint64(dealId);
    return new DataActivationNotification(Address.newId(MarketMethods.ACTOR_ID), w.toByteArray());
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }

  @Override
  public void writeCbor(CborWriter w) {
    w.writeArrayHeader(2);
    Fields.writeAddress(w, address);
    w.writeBytes(payload);
  }

  public static DataActivationNotification read(CborReader r) {
    r.readTupleHeader("DataActivationNotification", 2);
    return new DataActivationNotification(Fields.readAddress(r), r.readBytes());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DataActivationNotification n && n.address.equals(address) && Arrays.equals(n.payload, payload);
  }

  @Override
  public int hashCode() {
    return address.hashCode() * 31 + Arrays.hashCode(payload);
  }

  @Override
  public String toString() {
    return "DataActivationNotification[address=" + address + ", payload=" + HexFormat.of().formatHex(payload) + "]";
  }
}
