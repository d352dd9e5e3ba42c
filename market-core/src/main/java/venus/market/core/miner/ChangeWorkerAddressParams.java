package venus.market.core.miner;

import java.util.List;
import java.util.Objects;
import venus.market.core.address.Address;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;
import venus.market.core.market.Fields;

/** Params of ChangeWorkerAddress (method 3): tuple {@code [NewWorker, NewControlAddrs]}. Sent by the owner. */
public record ChangeWorkerAddressParams(Address newWorker, List<Address> newControlAddrs) implements CborEncodable {

  public ChangeWorkerAddressParams {
    Objects.requireNonNull(newWorker, "newWorker");
    newControlAddrs = List.copyOf(newControlAddrs);
  }

  @Override
  public void writeCbor(CborWriter w) {
    w.writeArrayHeader(2);
    Fields.writeAddress(w, newWorker);
    Fields.writeList(w, newControlAddrs, Fields::writeAddress);
  }

  public static ChangeWorkerAddressParams read(CborReader r) {
    r.readTupleHeader("ChangeWorkerAddressParams", 2);
    return new ChangeWorkerAddressParams(Fields.readAddress(r), Fields.readList(r, Fields::readAddress));
  }

  public static ChangeWorkerAddressParams decode(byte[] cbor) {
    return CborReader.decode(cbor, ChangeWorkerAddressParams::read);
  }
}
