/**
 * Local keys bound to their addresses: {@link venus.market.core.wallet.KeyPair} (secp256k1 or BLS) signs bytes
 * and knows its f1/f3 address, and {@link venus.market.core.wallet.SignatureVerifier} checks a
 * {@link venus.market.core.crypto.Signature} against an address the way lotus lib/sigs does. Kept apart from
 * {@code crypto} so that {@code address} may use {@code crypto} without a package cycle. A daemon-side signer that
 * maps addresses to keys (sign(Address, bytes)) builds on this.
 */
package venus.market.core.wallet;
