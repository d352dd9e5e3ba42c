/**
 * Filecoin bitfields (go-bitfield / fvm_ipld_bitfield): the immutable {@link venus.market.core.bitfield.BitField}
 * value and its RLE+ byte form ({@link venus.market.core.bitfield.RlePlus}, wire.md §2.3), used for
 * PublishStorageDealsReturn.ValidDeals and sector sets. Decoding is strict: only the minimal encoding is accepted.
 */
package venus.market.core.bitfield;
