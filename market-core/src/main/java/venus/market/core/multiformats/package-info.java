/**
 * The multiformats used by Filecoin: unsigned varints, multibase (base32, base58btc, base64, base16), multicodec
 * codes, multihashes and CIDs (v0 and v1, binary and string forms). Specs: github.com/multiformats/{unsigned-varint,
 * multibase, multicodec, multihash, cid}. Every decoder throws only {@link venus.market.core.multiformats.MultiformatsException}.
 */
package venus.market.core.multiformats;
