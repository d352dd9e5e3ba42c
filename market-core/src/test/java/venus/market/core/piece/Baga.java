package venus.market.core.piece;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;

/** Test helper: the 32-byte root inside a piece CID v1 string ({@code baga6ea4seaq…}). */
final class Baga {


  private Baga() {
  }

  static byte[] root(String cid) {
    if (!cid.startsWith("b")) {
      throw new IllegalArgumentException(cid);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int buffer = 0;
    int bits = 0;
    for (char c : cid.substring(1).toCharArray()) {
      int v = c >= 'a' && c <= 'z' ? c - 'a' : c - '2' + 26;
      buffer = (buffer << 5) | v;
      bits += 5;
      if (bits >= 8) {
        out.write(buffer >>> (bits - 8));
        bits -= 8;
      }
    }
    byte[] b = out.toByteArray();
    if (b.length != 39 || b[0] != 1 || (b[1] & 0xff) != 0x81 || (b[2] & 0xff) != 0xe2 || b[3] != 3
        || (b[4] & 0xff) != 0x92 || b[5] != 0x20 || b[6] != 0x20) {
      throw new IllegalArgumentException("not a piece CID v1: " + cid + " " + HexFormat.of().formatHex(b));
    }
    return Arrays.copyOfRange(b, 7, 39);
  }
}
