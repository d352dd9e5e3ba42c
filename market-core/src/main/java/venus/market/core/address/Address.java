package venus.market.core.address;

import java.util.Arrays;
import java.util.Optional;
import venus.market.core.MarketException;
import venus.market.core.address.AddressException.Kind;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborException;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;
import venus.market.core.crypto.Blake2b;
import venus.market.core.crypto.CryptoException;
import venus.market.core.crypto.Secp256k1;
import venus.market.core.multiformats.MultiformatsException;
import venus.market.core.multiformats.Varint;

/**
 * A Filecoin address (go-address Address). The byte form is {@code protocol || payload}; payloads are a varint ID,
 * a blake2b-160 hash (secp256k1, actor), a 48-byte BLS public key, or {@code varint(namespace) || subaddress}
 * (delegated). Immutable, compared by byte form. go-address's undefined address has no instance here: absence is
 * {@link Optional#empty()} (see {@link #parseOptional}). CBOR: a byte string of the byte form.
 */
public final class Address implements CborEncodable {

  public static final int PAYLOAD_HASH_BYTES = 20;
  public static final int CHECKSUM_BYTES = 4;
  public static final int BLS_PUBLIC_KEY_BYTES = 48;
  public static final int MAX_SUBADDRESS_BYTES = 54;
  /** Longest byte form: delegated with a 9-byte namespace varint and a 54-byte subaddress. */
  public static final int MAX_BYTES = 1 + Varint.MAX_BYTES + MAX_SUBADDRESS_BYTES;
  /** go-address refuses longer byte strings when decoding CBOR. */
  public static final int MAX_CBOR_BYTES = 64;
  /** The string go-address prints for its undefined address. */
  public static final String UNDEF_STRING = "<empty>";

  private final byte[] bytes;

  private Address(byte[] bytes) {
    this.bytes = bytes;
  }

  public static Address newId(long id) {
    if (id < 0) {
      throw new AddressException(Kind.INVALID_PAYLOAD, "ID addresses take a non-negative id, got " + id);
    }
    return of(Protocol.ID, Varint.encode(id));
  }

  /** f1 address of a secp256k1 public key; a 33-byte compressed key is decompressed first, as the hash needs. */
  public static Address newSecp256k1(byte[] publicKey) {
    byte[] uncompressed;
    try {
      uncompressed = Secp256k1.decompress(publicKey);
    } catch (CryptoException e) {
      throw new AddressException(Kind.INVALID_PAYLOAD, "not a secp256k1 public key: " + e.getMessage(), e);
    }
    return of(Protocol.SECP256K1, Blake2b.sum160(uncompressed));
  }

  /** f2 address: blake2b-160 of the actor-specific input. */
  public static Address newActor(byte[] data) {
    return of(Protocol.ACTOR, Blake2b.sum160(data));
  }

  /** f3 address: the 48-byte compressed BLS public key itself. */
  public static Address newBls(byte[] publicKey) {
    return fromPayload(Protocol.BLS, publicKey);
  }

  /** f4 address in namespace {@code namespace} (10 = EVM) with up to 54 subaddress bytes. */
  public static Address newDelegated(long namespace, byte[] subaddress) {
    if (namespace < 0) {
      throw new AddressException(Kind.INVALID_PAYLOAD, "delegated namespace must be non-negative, got " + namespace);
    }
    if (subaddress.length > MAX_SUBADDRESS_BYTES) {
      throw new AddressException(Kind.INVALID_LENGTH, "delegated subaddress is " + subaddress.length
          + " bytes, max " + MAX_SUBADDRESS_BYTES);
    }
    byte[] ns = Varint.encode(namespace);
    byte[] payload = Arrays.copyOf(ns, ns.length + subaddress.length);
    System.arraycopy(subaddress, 0, payload, ns.length, subaddress.length);
    return of(Protocol.DELEGATED, payload);
  }

  /** Parses the byte form with go-address's checks. */
  public static Address fromBytes(byte[] bytes) {
    if (bytes.length == 0) {
      throw new AddressException(Kind.INVALID_LENGTH, "empty address bytes (the undefined address)");
    }
    if (bytes.length == 1) {
      throw new AddressException(Kind.INVALID_LENGTH, "address bytes hold a protocol but no payload");
    }
    return fromPayload(Protocol.fromCode(bytes[0] & 0xff), Arrays.copyOfRange(bytes, 1, bytes.length));
  }

  /** Parses an address string ({@code f}/{@code t} prefix) with go-address's checks. */
  public static Address parse(String text) {
    return AddressStrings.decode(text);
  }

  /** Like {@link #parse}, but "" and "{@code <empty>}" (go-address's undefined address) give empty. */
  public static Optional<Address> parseOptional(String text) {
    if (text.isEmpty() || text.equals(UNDEF_STRING)) {
      return Optional.empty();
    }
    return Optional.of(parse(text));
  }

  /** Reads the CBOR form; any problem, including an invalid address, is a {@link CborException}. */
  public static Address readCbor(CborReader reader) {
    int at = reader.offset();
    byte[] bytes = reader.readBytes(MAX_CBOR_BYTES);
    try {
      return fromBytes(bytes);
    } catch (MarketException e) {
      throw new CborException(at, "invalid address: " + e.getMessage(), e);
    }
  }

  @Override
  public void writeCbor(CborWriter writer) {
    writer.writeBytes(bytes);
  }

  /** Validates {@code payload} for {@code protocol} (go-address newAddress) and builds the address. */
  static Address fromPayload(Protocol protocol, byte[] payload) {
    switch (protocol) {
      case ID -> {
        Varint.Decoded id = decodeVarint(payload, "ID");
        if (id.length() != payload.length) {
          throw new AddressException(Kind.INVALID_LENGTH, "ID address payload has " + (payload.length - id.length())
              + " byte(s) after its varint");
        }
      }
      case SECP256K1, ACTOR -> requireLength(protocol, payload.length, PAYLOAD_HASH_BYTES);
      case BLS -> requireLength(protocol, payload.length, BLS_PUBLIC_KEY_BYTES);
      case DELEGATED -> {
        Varint.Decoded ns = decodeVarint(payload, "delegated namespace");
        if (payload.length - ns.length() > MAX_SUBADDRESS_BYTES) {
          throw new AddressException(Kind.INVALID_LENGTH, "delegated subaddress is " + (payload.length - ns.length())
              + " bytes, max " + MAX_SUBADDRESS_BYTES);
        }
      }
      default -> throw new IllegalStateException("unhandled protocol " + protocol);
    }
    return of(protocol, payload);
  }

  private static Address of(Protocol protocol, byte[] payload) {
    byte[] b = new byte[payload.length + 1];
    b[0] = (byte) protocol.code();
    System.arraycopy(payload, 0, b, 1, payload.length);
    return new Address(b);
  }

  private static Varint.Decoded decodeVarint(byte[] payload, String what) {
    try {
      return Varint.decode(payload, 0);
    } catch (MultiformatsException e) {
      throw new AddressException(Kind.INVALID_PAYLOAD, "invalid " + what + " varint: " + e.getMessage(), e);
    }
  }

  private static void requireLength(Protocol protocol, int got, int want) {
    if (got != want) {
      throw new AddressException(Kind.INVALID_LENGTH, protocol + " address payload must be " + want + " bytes, got "
          + got);
    }
  }

  public Protocol protocol() {
    return Protocol.fromCode(bytes[0]);
  }

  /** The byte form {@code protocol || payload}. */
  public byte[] bytes() {
    return bytes.clone();
  }

  public byte[] payload() {
    return Arrays.copyOfRange(bytes, 1, bytes.length);
  }

  public boolean isId() {
    return bytes[0] == Protocol.ID.code();
  }

  /** The actor ID of an ID address. */
  public long id() {
    requireProtocol(Protocol.ID);
    return Varint.decode(bytes, 1).value();
  }

  /** The namespace (actor ID of the address manager, 10 for EVM) of a delegated address. */
  public long namespace() {
    requireProtocol(Protocol.DELEGATED);
    return Varint.decode(bytes, 1).value();
  }

  /** The subaddress of a delegated address. */
  public byte[] subaddress() {
    requireProtocol(Protocol.DELEGATED);
    return Arrays.copyOfRange(bytes, 1 + Varint.decode(bytes, 1).length(), bytes.length);
  }

  /** blake2b-4 over the byte form: the checksum in the string form. */
  public byte[] checksum() {
    return Blake2b.hash(bytes, CHECKSUM_BYTES);
  }

  /** The string form with the process-wide {@link Network#defaultNetwork() default} prefix. */
  @Override
  public String toString() {
    return toString(Network.defaultNetwork());
  }

  public String toString(Network network) {
    return AddressStrings.encode(this, network);
  }

  private void requireProtocol(Protocol p) {
    if (bytes[0] != p.code()) {
      throw new IllegalStateException("not a " + p + " address: " + this);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Address a && Arrays.equals(a.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }
}
