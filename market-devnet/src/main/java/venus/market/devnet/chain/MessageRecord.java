package venus.market.devnet.chain;

import venus.market.devnet.state.Bin;
import venus.market.devnet.vm.Receipt;

/**
 * A message the chain has executed: the signed message CBOR, both its CIDs, the tipset (height and
 * block CID) that included it and its receipt.
 */
public record MessageRecord(
    byte[] signedCbor, byte[] cid, byte[] unsignedCid, long height, byte[] tipsetCid, Receipt receipt) {
  private static final int VERSION = 1;

  public byte[] encode() {
    return new Bin.Writer().u8(VERSION).bytes(signedCbor).bytes(cid).bytes(unsignedCid).i64(height)
        .bytes(tipsetCid).i64(receipt.exitCode()).bytes(receipt.returnValue()).i64(receipt.gasUsed())
        .toBytes();
  }

  public static MessageRecord decode(byte[] data) {
    Bin.Reader r = new Bin.Reader(data, "message").expectVersion(VERSION);
    return new MessageRecord(r.bytes(), r.bytes(), r.bytes(), r.i64(), r.bytes(),
        new Receipt((int) r.i64(), r.bytes(), r.i64()));
  }
}
