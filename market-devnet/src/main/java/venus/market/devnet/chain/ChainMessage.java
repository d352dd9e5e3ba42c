package venus.market.devnet.chain;

import java.math.BigInteger;
import java.util.Objects;
import venus.market.core.address.Address;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;
import venus.market.core.crypto.Signature;
import venus.market.core.multiformats.Cid;

/**
 * An unsigned chain message (lotus types.Message, a 10-field CBOR tuple). Kept local to the devnet
 * until market-core's chain package provides the shared type.
 */
public record ChainMessage(
    long version,
    Address to,
    Address from,
    long nonce,
    BigInteger value,
    long gasLimit,
    BigInteger gasFeeCap,
    BigInteger gasPremium,
    long method,
    byte[] params) {
  public ChainMessage {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(from, "from");
    params = params == null ? new byte[0] : params;
  }

  public byte[] toCbor() {
    CborWriter w = new CborWriter();
    write(w);
    return w.toByteArray();
  }

  void write(CborWriter w) {
    w.writeArrayHeader(10);
    w.writeUint64(version);
    w.writeBytes(to.bytes());
    w.writeBytes(from.bytes());
    w.writeUint64(nonce);
    w.writeBigInt(value);
    w.writeInt64(gasLimit);
    w.writeBigInt(gasFeeCap);
    w.writeBigInt(gasPremium);
    w.writeUint64(method);
    w.writeBytes(params);
  }

  static ChainMessage read(CborReader r) {
    r.readTupleHeader("Message", 10);
    return new ChainMessage(r.readUint64(), Address.fromBytes(r.readBytes(64)), Address.fromBytes(r.readBytes(64)),
        r.readUint64(), r.readBigInt(), r.readInt64(), r.readBigInt(), r.readBigInt(), r.readUint64(), r.readBytes());
  }

  public Cid cid() {
    return CborHeaderCodec.dagCborCid(toCbor());
  }

  public ChainMessage withGas(long limit, BigInteger feeCap, BigInteger premium) {
    return new ChainMessage(version, to, from, nonce, value, limit, feeCap, premium, method, params);
  }

  public ChainMessage withNonce(long n) {
    return new ChainMessage(version, to, from, n, value, gasLimit, gasFeeCap, gasPremium, method, params);
  }

  /** A signed message: [Message, Signature]. */
  public record Signed(ChainMessage message, Signature signature) {
    public byte[] toCbor() {
      CborWriter w = new CborWriter();
      w.writeArrayHeader(2);
      message.write(w);
      w.writeBytes(signature.toBytes());
      return w.toByteArray();
    }

    public static Signed decode(byte[] cbor) {
      return CborReader.decode(cbor, r -> {
        r.readTupleHeader("SignedMessage", 2);
        return new Signed(ChainMessage.read(r), Signature.fromBytes(r.readBytes(Signature.MAX_BYTES + 1)));
      });
    }

    /** lotus SignedMessage.Cid(): the unsigned CID for BLS, the CID of this CBOR otherwise. */
    public Cid cid() {
      if (signature.type() == venus.market.core.crypto.SigType.BLS) {
        return message.cid();
      }
      return CborHeaderCodec.dagCborCid(toCbor());
    }
  }
}
