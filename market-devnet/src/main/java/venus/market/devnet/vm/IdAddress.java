package venus.market.devnet.vm;

import java.util.OptionalLong;
import venus.market.core.multiformats.Varint;

/** Binary ID addresses (protocol 0 ‖ LEB128 id), the only address form the VM needs to build. */
public final class IdAddress {
  private IdAddress() {}

  public static byte[] of(long id) {
    byte[] v = Varint.encode(id);
    byte[] out = new byte[v.length + 1];
    System.arraycopy(v, 0, out, 1, v.length);
    return out;
  }

  /** The id of a binary ID address, empty for any other protocol or malformed bytes. */
  public static OptionalLong idOf(byte[] address) {
    if (address == null || address.length < 2 || address[0] != 0) {
      return OptionalLong.empty();
    }
    try {
      Varint.Decoded d = Varint.decode(address, 1);
      if (1 + d.length() != address.length) {
        return OptionalLong.empty();
      }
      return OptionalLong.of(d.value());
    } catch (RuntimeException e) {
      return OptionalLong.empty();
    }
  }
}
