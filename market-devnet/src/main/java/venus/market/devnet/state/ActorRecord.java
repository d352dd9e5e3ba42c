package venus.market.devnet.state;

import java.math.BigInteger;
import java.util.Objects;

/**
 * One actor: its id, type, robust (key) address if it has one, balance in attoFIL and the nonce of
 * the next message it may send.
 */
public record ActorRecord(
    long id, ActorKind kind, byte[] robustAddress, BigInteger balance, long nonce) {
  private static final int VERSION = 1;

  public ActorRecord {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(balance, "balance");
  }

  public ActorRecord withBalance(BigInteger newBalance) {
    return new ActorRecord(id, kind, robustAddress, newBalance, nonce);
  }

  public ActorRecord withNonce(long newNonce) {
    return new ActorRecord(id, kind, robustAddress, balance, newNonce);
  }

  public byte[] encode() {
    return new Bin.Writer()
        .u8(VERSION)
        .i64(id)
        .u8(kind.ordinal())
        .bytes(robustAddress)
        .big(balance)
        .i64(nonce)
        .toBytes();
  }

  public static ActorRecord decode(byte[] data) {
    Bin.Reader r = new Bin.Reader(data, "actor").expectVersion(VERSION);
    long id = r.i64();
    int kind = r.u8();
    if (kind >= ActorKind.values().length) {
      throw new venus.market.devnet.DevnetException("corrupt actor record: kind " + kind);
    }
    return new ActorRecord(id, ActorKind.values()[kind], r.bytes(), r.big(), r.i64());
  }
}
