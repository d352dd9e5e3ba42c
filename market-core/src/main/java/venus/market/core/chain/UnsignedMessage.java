package venus.market.core.chain;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import venus.market.core.address.Address;
import venus.market.core.amount.TokenAmount;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborException;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;
import venus.market.core.multiformats.Cid;

/**
 * lotus types.Message. CBOR: the tuple {@code [Version, To, From, Nonce, Value, GasLimit, GasFeeCap, GasPremium,
 * Method, Params]}. Nonce and Method are Go uint64s, held in longs read as unsigned; GasLimit is an int64.
 * Immutable; build one with {@link #builder()}.
 */
public final class UnsignedMessage implements CborEncodable {

  /** The only message version lotus accepts. */
  public static final long VERSION = 0;
  private static final int FIELDS = 10;

  private final Address to;
  private final Address from;
  private final long nonce;
  private final TokenAmount value;
  private final long gasLimit;
  private final TokenAmount gasFeeCap;
  private final TokenAmount gasPremium;
  private final long method;
  private final byte[] params;

  private UnsignedMessage(Builder b) {
    this.to = Objects.requireNonNull(b.to, "To");
    this.from = Objects.requireNonNull(b.from, "From");
    this.nonce = b.nonce;
    this.value = b.value;
    this.gasLimit = b.gasLimit;
    this.gasFeeCap = b.gasFeeCap;
    this.gasPremium = b.gasPremium;
    this.method = b.method;
    this.params = b.params.clone();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder pre-filled with this message's fields. */
  public Builder toBuilder() {
    return new Builder().to(to).from(from).nonce(nonce).value(value).gasLimit(gasLimit).gasFeeCap(gasFeeCap)
        .gasPremium(gasPremium).method(method).params(params);
  }

  public Address to() {
    return to;
  }

  public Address from() {
    return from;
  }

  /** Go uint64: compare with {@link Long#compareUnsigned}. */
  public long nonce() {
    return nonce;
  }

  public TokenAmount value() {
    return value;
  }

  public long gasLimit() {
    return gasLimit;
  }

  public TokenAmount gasFeeCap() {
    return gasFeeCap;
  }

  public TokenAmount gasPremium() {
    return gasPremium;
  }

  /** Go uint64 (abi.MethodNum). */
  public long method() {
    return method;
  }

  public byte[] params() {
    return params.clone();
  }

  /** The message CID: dag-cbor blake2b-256 of {@link #toCbor()}. BLS signatures sign these CID bytes. */
  public Cid cid() {
    return ChainCids.ofCbor(toCbor());
  }

  @Override
  public void writeCbor(CborWriter w) {
    w.writeArrayHeader(FIELDS).writeUint64(VERSION);
    w.write(to).write(from).writeUint64(nonce).write(value);
    w.writeInt64(gasLimit).write(gasFeeCap).write(gasPremium);
    w.writeUint64(method).writeBytes(params);
  }

  /** Reads one message; a version other than 0 is rejected as lotus DecodeMessage does. */
  public static UnsignedMessage read(CborReader r) {
    r.readTupleHeader("Message", FIELDS);
    int at = r.offset();
    long version = r.readUint64();
    if (version != VERSION) {
      throw new CborException(at, "Message: unsupported version " + Long.toUnsignedString(version) + " (expected 0)");
    }
    return builder().to(Address.readCbor(r)).from(Address.readCbor(r)).nonce(r.readUint64())
        .value(TokenAmount.readCbor(r)).gasLimit(r.readInt64()).gasFeeCap(TokenAmount.readCbor(r))
        .gasPremium(TokenAmount.readCbor(r)).method(r.readUint64()).params(r.readBytes()).build();
  }

  /** Decodes exactly one message filling all of {@code cbor}. */
  public static UnsignedMessage fromCbor(byte[] cbor) {
    return CborReader.decode(cbor, UnsignedMessage::read);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UnsignedMessage m && nonce == m.nonce && gasLimit == m.gasLimit && method == m.method
        && to.equals(m.to) && from.equals(m.from) && value.equals(m.value) && gasFeeCap.equals(m.gasFeeCap)
        && gasPremium.equals(m.gasPremium) && Arrays.equals(params, m.params);
  }

  @Override
  public int hashCode() {
    return Objects.hash(to, from, nonce, value, gasLimit, gasFeeCap, gasPremium, method, Arrays.hashCode(params));
  }

  @Override
  public String toString() {
    return "Message{to=" + to + ", from=" + from + ", nonce=" + Long.toUnsignedString(nonce) + ", value=" + value
        + ", gasLimit=" + gasLimit + ", gasFeeCap=" + gasFeeCap.atto() + ", gasPremium=" + gasPremium.atto()
        + ", method=" + Long.toUnsignedString(method) + ", params=" + Base64.getEncoder().encodeToString(params) + "}";
  }

  /** Collects the fields; amounts default to zero, params to empty. */
  public static final class Builder {
    private Address to;
    private Address from;
    private long nonce;
    private TokenAmount value = TokenAmount.ZERO;
    private long gasLimit;
    private TokenAmount gasFeeCap = TokenAmount.ZERO;
    private TokenAmount gasPremium = TokenAmount.ZERO;
    private long method;
    private byte[] params = new byte[0];

    private Builder() {}

    public Builder to(Address to) {
      this.to = to;
      return this;
    }

    public Builder from(Address from) {
      this.from = from;
      return this;
    }

    public Builder nonce(long nonce) {
      this.nonce = nonce;
      return this;
    }

    public Builder value(TokenAmount value) {
      this.value = Objects.requireNonNull(value, "Value");
      return this;
    }

    public Builder gasLimit(long gasLimit) {
      this.gasLimit = gasLimit;
      return this;
    }

    public Builder gasFeeCap(TokenAmount gasFeeCap) {
      this.gasFeeCap = Objects.requireNonNull(gasFeeCap, "GasFeeCap");
      return this;
    }

    public Builder gasPremium(TokenAmount gasPremium) {
      this.gasPremium = Objects.requireNonNull(gasPremium, "GasPremium");
      return this;
    }

    public Builder method(long method) {
      this.method = method;
      return this;
    }

    /** Params bytes (Go nil and empty encode alike). */
    public Builder params(byte[] params) {
      this.params = params == null ? new byte[0] : params.clone();
      return this;
    }

    public UnsignedMessage build() {
      return new UnsignedMessage(this);
    }
  }
}
