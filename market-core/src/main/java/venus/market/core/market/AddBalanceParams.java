package venus.market.core.market;

import java.util.Objects;
import venus.market.core.address.Address;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;

/**
 * Params of AddBalance (method 2): the address whose escrow is credited (a client, or a miner actor for provider
 * collateral), encoded bare — the CBOR byte string of the address, not a one-field tuple (Rust
 * {@code #[serde(transparent)]}). The amount is the message value.
 */
public record AddBalanceParams(Address address) implements CborEncodable {

  public AddBalanceParams {
    Objects.requireNonNull(address, "address");
  }

  @Override
  public void writeCbor(CborWriter w) {
    Fields.writeAddress(w, address);
  }

  public static AddBalanceParams read(CborReader r) {
    return new AddBalanceParams(Fields.readAddress(r));
  }

  public static AddBalanceParams decode(byte[] cbor) {
    return CborReader.decode(cbor, AddBalanceParams::read);
  }
}
