/**
 * The cryptography Filecoin uses, behind small static facades: BLAKE2b (addresses, message CIDs), SHA-256,
 * secp256k1 ECDSA as lotus does it (RFC 6979 over blake2b-256 of the message, low-S, 65-byte r||s||v) and
 * BLS12-381 min-pk as filecoin-ffi does it (DST {@code BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_NUL_}, little-endian
 * private keys). Also the {@link venus.market.core.crypto.Signature} value and the lotus wallet
 * {@link venus.market.core.crypto.KeyInfo} format. This is the only package that imports BouncyCastle or jblst;
 * every rejection of bad input is a {@link venus.market.core.crypto.CryptoException}.
 */
package venus.market.core.crypto;
