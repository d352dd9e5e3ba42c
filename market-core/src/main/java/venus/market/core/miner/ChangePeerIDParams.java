package venus.market.core.miner;

import java.util.Arrays;
import java.util.HexFormat;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;

/**
 * Params of ChangePeerID (method 4): tuple {@code [NewID]}, where NewID is the binary peer ID (its multihash bytes,
 * e.g. {@code 00 24 08 01 12 20 …} for an Ed25519 key).
 */
public record ChangePeerIDParams(byte[] newID) implements CborEncodable {

  public ChangePeerIDParams {
    newID = newID.clone();
  }

  @Override
  public byte[] newID() {
    return newID.clone();
  }

  @Override
  public void writeCbor(CborWriter w) {
    w.writeArrayHeader(1);
    w.writeBytes(newID);
  }

  public static ChangePeerIDParams read(CborReader r) {
    r.readTupleHeader("ChangePeerIDParams", 1);
    return new ChangePeerIDParams(r.readBytes());
  }

  public static ChangePeerIDParams decode(byte[] cbor) {
    return CborReader.decode(cbor, ChangePeerIDParams::read);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChangePeerIDParams p && Arrays.equals(p.newID, newID);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(newID);
  }

  @Override
  public String toString() {
    return "ChangePeerIDParams[newID=" + HexFormat.of().formatHex(newID) + "]";
  }
}
