/**
 * Jackson support for the JSON conventions of the Lotus API (Go's encoding/json over go-cid,
 * go-address, go-state-types): CIDs as {@code {"/":"bafy..."}}, big integers and token amounts as
 * decimal strings, byte arrays as standard base64, addresses as strings, signatures as {@code
 * {"Type":n,"Data":"base64"}}, nil as null. {@link venus.market.core.json.LotusJson#mapper()} is
 * the mapper every RPC endpoint and client uses.
 */
package venus.market.core.json;
