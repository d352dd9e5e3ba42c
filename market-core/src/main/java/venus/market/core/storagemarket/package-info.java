/**
 * Storage-market libp2p protocol messages with their exact CBOR: go-fil-markets mk/1.1.x (maps) and mk/1.0.1
 * (tuples, the {@code V101} methods), ask/1.1.0 and 1.0.1, status/1.1.0 and 1.0.1, boost mk/1.2.0, mk/1.2.1 and
 * status/1.2.0, and the StorageDealStatus codes. {@code signingBytes*} methods return exactly what is signed. Map
 * decoders accept any key order and skip unknown keys, as cbor-gen does. Decoders throw only
 * {@link venus.market.core.cbor.CborException}.
 */
package venus.market.core.storagemarket;
