package venus.market.core.market;

import java.util.Objects;
import venus.market.core.amount.TokenAmount;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;

/**
 * An address's market escrow as lotus StateMarketBalance reports it ({@code {"Escrow": "…", "Locked": "…"}}); its
 * CBOR is the market actor's GetBalance return, tuple {@code [Balance, Locked]}.
 */
public record MarketBalance(TokenAmount escrow, TokenAmount locked) implements CborEncodable {

  public MarketBalance {
    Objects.requireNonNull(escrow, "escrow");
    Objects.requireNonNull(locked, "locked");
  }

  /** Escrow not locked by deals: what can be withdrawn or committed to new deals. */
  public TokenAmount available() {
    return TokenAmount.ofAtto(escrow.atto().subtract(locked.atto()));
  }

  @Override
  public void writeCbor(CborWriter w) {
    w.writeArrayHeader(2);
    Fields.writeAmount(w, escrow);
    Fields.writeAmount(w, locked);
  }

  public static MarketBalance read(CborReader r) {
    r.readTupleHeader("GetBalanceReturn", 2);
    return new MarketBalance(Fields.readAmount(r), Fields.readAmount(r));
  }

  public static MarketBalance decode(byte[] cbor) {
    return CborReader.decode(cbor, MarketBalance::read);
  }
}
