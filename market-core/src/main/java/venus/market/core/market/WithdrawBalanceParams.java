package venus.market.core.market;

import java.util.Objects;
import venus.market.core.address.Address;
import venus.market.core.amount.TokenAmount;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;

/**
 * Params of WithdrawBalance (method 3): tuple {@code [ProviderOrClientAddress, Amount]}. The return value is the
 * amount actually withdrawn as a bare BigInt ({@link #readReturn}).
 */
public record WithdrawBalanceParams(Address providerOrClientAddress, TokenAmount amount) implements CborEncodable {

  public WithdrawBalanceParams {
    Objects.requireNonNull(providerOrClientAddress, "providerOrClientAddress");
    Objects.requireNonNull(amount, "amount");
  }

  @Override
  public void writeCbor(CborWriter w) {
    w.writeArrayHeader(2);
    Fields.writeAddress(w, providerOrClientAddress);
    Fields.writeAmount(w, amount);
  }

  public static WithdrawBalanceParams read(CborReader r) {
    r.readTupleHeader("WithdrawBalanceParams", 2);
    return new WithdrawBalanceParams(Fields.readAddress(r), Fields.readAmount(r));
  }

  public static WithdrawBalanceParams decode(byte[] cbor) {
    return CborReader.decode(cbor, WithdrawBalanceParams::read);
  }

  /** Decodes the method's return value: the withdrawn amount. */
  public static TokenAmount readReturn(byte[] cbor) {
    return CborReader.decode(cbor, Fields::readAmount);
  }
}
