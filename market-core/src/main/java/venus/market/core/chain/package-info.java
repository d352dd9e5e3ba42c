/**
 * Filecoin chain messages with their exact CBOR (lotus chain/types): {@link venus.market.core.chain.UnsignedMessage}
 * (10-field tuple, version 0), {@link venus.market.core.chain.SignedMessage} ([message, signature]) and their CIDs
 * (dag-cbor, blake2b-256; a BLS-signed message is identified by its unsigned message's CID), and
 * {@link venus.market.core.chain.TipSetKey} (the block CIDs naming a tipset; empty = the head).
 */
package venus.market.core.chain;
