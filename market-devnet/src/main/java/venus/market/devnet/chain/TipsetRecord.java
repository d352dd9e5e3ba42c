package venus.market.devnet.chain;

import java.util.ArrayList;
import java.util.List;
import venus.market.devnet.state.Bin;

/** One single-block tipset: its block CID, header CBOR and fields, and the messages it included. */
public record TipsetRecord(byte[] blockCid, byte[] headerCbor, BlockFields header, List<byte[]> messageCids) {
  private static final int VERSION = 1;

  public TipsetRecord {
    messageCids = List.copyOf(messageCids);
  }

  public long height() {
    return header.height();
  }

  public byte[] encode() {
    Bin.Writer w = new Bin.Writer().u8(VERSION).bytes(blockCid).bytes(headerCbor);
    BlockFields h = header;
    w.i64(h.minerId()).i64(h.parents().size());
    h.parents().forEach(w::bytes);
    w.big(h.parentWeight()).i64(h.height()).bytes(h.parentStateRoot()).bytes(h.parentMessageReceipts())
        .bytes(h.messages()).i64(h.timestamp()).big(h.parentBaseFee());
    w.i64(messageCids.size());
    messageCids.forEach(w::bytes);
    return w.toBytes();
  }

  public static TipsetRecord decode(byte[] data) {
    Bin.Reader r = new Bin.Reader(data, "tipset").expectVersion(VERSION);
    byte[] cid = r.bytes();
    byte[] cbor = r.bytes();
    long miner = r.i64();
    long np = r.i64();
    if (np < 0 || np > data.length) {
      throw new venus.market.devnet.DevnetException("corrupt tipset record: " + np + " parents");
    }
    List<byte[]> parents = new ArrayList<>();
    for (long i = 0; i < np; i++) {
      parents.add(r.bytes());
    }
    BlockFields h = new BlockFields(miner, parents, r.big(), r.i64(), r.bytes(), r.bytes(), r.bytes(), r.i64(), r.big());
    long nm = r.i64();
    if (nm < 0 || nm > data.length) {
      throw new venus.market.devnet.DevnetException("corrupt tipset record: " + nm + " messages");
    }
    List<byte[]> msgs = new ArrayList<>();
    for (long i = 0; i < nm; i++) {
      msgs.add(r.bytes());
    }
    return new TipsetRecord(cid, cbor, h, msgs);
  }
}
