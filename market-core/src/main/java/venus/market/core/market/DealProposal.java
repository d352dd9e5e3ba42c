package venus.market.core.market;

import java.math.BigInteger;
import java.util.Objects;
import venus.market.core.address.Address;
import venus.market.core.amount.TokenAmount;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;
import venus.market.core.crypto.Blake2b;
import venus.market.core.multiformats.Cid;
import venus.market.core.multiformats.Multicodec;
import venus.market.core.multiformats.Multihash;

/**
 * market.DealProposal (go-state-types builtin/v9 … v17, builtin-actors): a cbor-gen tuple of 11 fields in this order.
 * Component names are the Go field names with the first letter lower-cased, so an UPPER_CAMEL_CASE JSON naming
 * strategy yields the lotus JSON keys (PieceCID, PieceSize, VerifiedDeal, …).
 *
 * @param pieceSize padded piece size (Go abi.PaddedPieceSize, uint64)
 * @param storagePricePerEpoch attoFIL per epoch for the whole piece
 */
public record DealProposal(
    Cid pieceCID,
    long pieceSize,
    boolean verifiedDeal,
    Address client,
    Address provider,
    DealLabel label,
    long startEpoch,
    long endEpoch,
    TokenAmount storagePricePerEpoch,
    TokenAmount providerCollateral,
    TokenAmount clientCollateral) implements CborEncodable {

  public static final int FIELDS = 11;

  public DealProposal {
    Objects.requireNonNull(pieceCID, "pieceCID");
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(storagePricePerEpoch, "storagePricePerEpoch");
    Objects.requireNonNull(providerCollateral, "providerCollateral");
    Objects.requireNonNull(clientCollateral, "clientCollateral");
  }

  @Override
  public void writeCbor(CborWriter w) {
    w.writeArrayHeader(FIELDS);
    w.writeCid(pieceCID);
    w.writeUint64(pieceSize);
    w.writeBool(verifiedDeal);
    Fields.writeAddress(w, client);
    Fields.writeAddress(w, provider);
    label.writeCbor(w);
    w.writeInt64(startEpoch);
    w.writeInt64(endEpoch);
    Fields.writeAmount(w, storagePricePerEpoch);
    Fields.writeAmount(w, providerCollateral);
    Fields.writeAmount(w, clientCollateral);
  }

  public static DealProposal read(CborReader r) {
    r.readTupleHeader("DealProposal", FIELDS);
    return new DealProposal(r.readCid(), r.readUint64(), r.readBool(), Fields.readAddress(r), Fields.readAddress(r),
        DealLabel.read(r), r.readInt64(), r.readInt64(), Fields.readAmount(r), Fields.readAmount(r),
        Fields.readAmount(r));
  }

  /** Decodes exactly one DealProposal; throws only CborException. */
  public static DealProposal decode(byte[] cbor) {
    return CborReader.decode(cbor, DealProposal::read);
  }

  /** What the client signs (and the market actor re-serialises to verify): the CBOR of this tuple. */
  public byte[] signingBytes() {
    return toCbor();
  }

  /**
   * The deal CID the chain uses for pending proposals: CIDv1, dag-cbor, blake2b-256 of the CBOR (bafy2bzace…).
   * Not the go-fil-markets "proposal CID"; see {@link ClientDealProposal#proposalCid()}.
   */
  public Cid cid() {
    return Cid.v1(Multicodec.DAG_CBOR, Multihash.of(Multicodec.BLAKE2B_256, Blake2b.sum256(toCbor())));
  }

  /** EndEpoch - StartEpoch. */
  public long duration() {
    return endEpoch - startEpoch;
  }

  /** StoragePricePerEpoch × duration. */
  public TokenAmount totalStorageFee() {
    return TokenAmount.ofAtto(storagePricePerEpoch.atto().multiply(BigInteger.valueOf(duration())));
  }

  /** What the client must have in escrow: ClientCollateral + total storage fee. */
  public TokenAmount clientBalanceRequirement() {
    return TokenAmount.ofAtto(clientCollateral.atto().add(totalStorageFee().atto()));
  }

  /** What the provider must have in escrow: ProviderCollateral. */
  public TokenAmount providerBalanceRequirement() {
    return providerCollateral;
  }

  /** Whether PieceCID has the form the actor accepts: CIDv1, fil-commitment-unsealed, sha2-256-trunc254-padded, 32 bytes. */
  public boolean hasValidPieceCidPrefix() {
    return MarketPolicy.isPieceCid(pieceCID);
  }
}
