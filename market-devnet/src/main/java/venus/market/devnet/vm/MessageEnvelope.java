package venus.market.devnet.vm;

import java.math.BigInteger;

/**
 * A signed chain message as the VM sees it, with its signature already checked. {@code cid} is
 * the CID the chain reports for it (the signed-message CID for secp256k1, the unsigned CID for
 * BLS); {@code unsignedCid} is always the unsigned message's CID. Addresses are binary.
 */
public record MessageEnvelope(
    byte[] cid,
    byte[] unsignedCid,
    byte[] from,
    byte[] to,
    long nonce,
    BigInteger value,
    long gasLimit,
    BigInteger gasFeeCap,
    BigInteger gasPremium,
    long method,
    byte[] params,
    byte[] signedCbor) {

  /** Most the sender can be charged: value plus gas limit at the fee cap. */
  public BigInteger requiredFunds() {
    return value.add(gasFeeCap.multiply(BigInteger.valueOf(gasLimit)));
  }
}
