package venus.market.core.miner;

import java.util.List;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;
import venus.market.core.market.Fields;

/**
 * builtin BatchReturn (the return of ProveCommitSectors3 and other batch methods): tuple {@code [SuccessCount,
 * FailCodes]}, FailCodes = {@code [[Idx, Code]…]} naming the failed items by index and exit code.
 */
public record BatchReturn(long successCount, List<FailCode> failCodes) implements CborEncodable {

  /** One failed item: its index in the batch and its exit code. */
  public record FailCode(long idx, long code) {}

  public BatchReturn {
    failCodes = List.copyOf(failCodes);
  }

  @Override
  public void writeCbor(CborWriter w) {
    w.writeArrayHeader(2);
    w.writeUint64(successCount);
    Fields.writeList(w, failCodes, (ww, f) -> {
      ww.writeArrayHeader(2);
      ww.writeUint64(f.idx());
      ww.writeInt64(f.code());
    });
  }

  public static BatchReturn read(CborReader r) {
    r.readTupleHeader("BatchReturn", 2);
    long success = r.readUint64();
    List<FailCode> fails = Fields.readList(r, rr -> {
      rr.readTupleHeader("FailCode", 2);
      return new FailCode(rr.readUint64(), rr.readInt64());
    });
    return new BatchReturn(success, fails);
  }

  public static BatchReturn decode(byte[] cbor) {
    return CborReader.decode(cbor, BatchReturn::read);
  }
}
