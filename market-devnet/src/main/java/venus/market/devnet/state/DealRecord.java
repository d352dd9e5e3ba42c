package venus.market.devnet.state;

import java.math.BigInteger;

/**
 * A published deal. {@code proposalCbor} is the on-chain DealProposal (client and provider
 * normalised to ID addresses, as the market actor stores it); the other proposal fields are kept
 * decoded so the actor logic never has to re-parse. State fields use -1 for "not yet".
 */
public record DealRecord(
    long dealId,
    byte[] proposalCbor,
    byte[] proposalCid,
    byte[] pieceCid,
    long pieceSize,
    boolean verified,
    long clientId,
    long providerId,
    long startEpoch,
    long endEpoch,
    BigInteger pricePerEpoch,
    BigInteger providerCollateral,
    BigInteger clientCollateral,
    long sectorNumber,
    long sectorStartEpoch,
    long lastUpdatedEpoch,
    long slashEpoch) {
  private static final int VERSION = 1;

  public long duration() {
    return endEpoch - startEpoch;
  }

  /** Total storage fee the client owes for the whole deal. */
  public BigInteger totalStorageFee() {
    return pricePerEpoch.multiply(BigInteger.valueOf(duration()));
  }

  /** Locked client funds for this deal while it is not yet paid out: collateral + storage fee. */
  public BigInteger clientBalanceRequirementOf() {
    return clientCollateral.add(totalStorageFee());
  }

  public boolean isActive() {
    return sectorStartEpoch >= 0;
  }

  public DealRecord activated(long sector, long epoch) {
    return new DealRecord(
        dealId, proposalCbor, proposalCid, pieceCid, pieceSize, verified, clientId, providerId,
        startEpoch, endEpoch, pricePerEpoch, providerCollateral, clientCollateral, sector, epoch,
        lastUpdatedEpoch, slashEpoch);
  }

  public DealRecord updatedAt(long epoch) {
    return new DealRecord(
        dealId, proposalCbor, proposalCid, pieceCid, pieceSize, verified, clientId, providerId,
        startEpoch, endEpoch, pricePerEpoch, providerCollateral, clientCollateral, sectorNumber,
        sectorStartEpoch, epoch, slashEpoch);
  }

  public byte[] encode() {
    return new Bin.Writer()
        .u8(VERSION)
        .i64(dealId)
        .bytes(proposalCbor)
        .bytes(proposalCid)
        .bytes(pieceCid)
        .i64(pieceSize)
        .bool(verified)
        .i64(clientId)
        .i64(providerId)
        .i64(startEpoch)
        .i64(endEpoch)
        .big(pricePerEpoch)
        .big(providerCollateral)
        .big(clientCollateral)
        .i64(sectorNumber)
        .i64(sectorStartEpoch)
        .i64(lastUpdatedEpoch)
        .i64(slashEpoch)
        .toBytes();
  }

  public static DealRecord decode(byte[] data) {
    Bin.Reader r = new Bin.Reader(data, "deal").expectVersion(VERSION);
    return new DealRecord(
        r.i64(), r.bytes(), r.bytes(), r.bytes(), r.i64(), r.bool(), r.i64(), r.i64(), r.i64(),
        r.i64(), r.big(), r.big(), r.big(), r.i64(), r.i64(), r.i64(), r.i64());
  }
}
