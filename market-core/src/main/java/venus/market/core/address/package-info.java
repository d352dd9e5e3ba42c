/**
 * Filecoin addresses as go-address defines them: {@link venus.market.core.address.Address} (ID, secp256k1,
 * actor, BLS and delegated f4 protocols), their byte form ({@code protocol || payload}), their string form
 * (network prefix, protocol digit, decimal ID or base32 of payload and blake2b-4 checksum) and the
 * process-wide {@link venus.market.core.address.Network} prefix. Parsing throws only
 * {@link venus.market.core.address.AddressException}, whose {@code Kind} names the go-address error.
 */
package venus.market.core.address;
