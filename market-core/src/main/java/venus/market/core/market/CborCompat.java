package venus.market.core.market;

import venus.market.core.cbor.CborReader;

/** The one place that depends on how the CBOR reader opens a map whose keys may come in any order. */
final class CborCompat {

  private CborCompat() {}

  static int readMapHeaderAnyOrder(CborReader r) {
    return r.readMapHeaderAnyKeyOrder();
  }
}
