package venus.market.devnet.state;

import java.math.BigInteger;

/** Market actor balance table entry: funds in escrow and the part of them locked by deals. */
public record EscrowRecord(BigInteger escrow, BigInteger locked) {
  private static final int VERSION = 1;
  public static final EscrowRecord EMPTY = new EscrowRecord(BigInteger.ZERO, BigInteger.ZERO);

  public BigInteger available() {
    return escrow.subtract(locked);
  }

  public byte[] encode() {
    return new Bin.Writer().u8(VERSION).big(escrow).big(locked).toBytes();
  }

  public static EscrowRecord decode(byte[] data) {
    Bin.Reader r = new Bin.Reader(data, "escrow").expectVersion(VERSION);
    return new EscrowRecord(r.big(), r.big());
  }
}
