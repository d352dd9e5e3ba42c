package venus.market.devnet.actors;

import java.math.BigInteger;

/**
 * One ClientDealProposal of a PublishStorageDeals message, decoded and with its addresses resolved
 * by the dispatcher. {@code clientId}/{@code providerId} are -1 when the address does not resolve;
 * {@code clientKeyAddress} is the client's f1/f3 address (null if it has none).
 * {@code signedBytes} is the canonical CBOR of the proposal as the client signed it;
 * {@code onChainCbor}/{@code onChainCid} are the proposal re-encoded with ID addresses and its
 * blake2b CID, which the actor stores and uses to detect duplicates.
 */
public record DealInput(
    long clientId,
    byte[] clientKeyAddress,
    long providerId,
    boolean pieceCidValid,
    byte[] pieceCid,
    long pieceSize,
    boolean verified,
    int labelLength,
    long startEpoch,
    long endEpoch,
    BigInteger pricePerEpoch,
    BigInteger providerCollateral,
    BigInteger clientCollateral,
    byte[] signedBytes,
    byte[] signature,
    byte[] onChainCbor,
    byte[] onChainCid) {

  public long duration() {
    return endEpoch - startEpoch;
  }

  /** What the client must have available in escrow: collateral plus the whole storage fee. */
  public BigInteger clientBalanceRequirement() {
    return clientCollateral.add(pricePerEpoch.multiply(BigInteger.valueOf(duration())));
  }
}
