package venus.market.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static venus.market.core.market.MapStruct.field;
import static venus.market.core.market.MarketVectors.hex;

import java.util.List;
import org.junit.jupiter.api.Test;
import venus.market.core.cbor.CborException;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;

class MapStructTest {

  private static final List<MapStruct.Field> FIELDS = List.of(
      field("Price", w -> w.writeUint64(1)),
      field("Miner", w -> w.writeUint64(2)),
      field("SeqNo", w -> w.writeUint64(3)));

  @Test
  void writesCanonicalOrderOrDeclarationOrder() {
    CborWriter w = new CborWriter();
    MapStruct.write(w, FIELDS);
    // "Miner" < "Price" < "SeqNo" (same length, bytewise).
    assertThat(hex(w.toByteArray())).isEqualTo("a3654d696e65720265507269636501655365714e6f03");
    assertThat(hex(MapStruct.encodeInDeclarationOrder(FIELDS))).isEqualTo("a365507269636501654d696e657202655365714e6f03");
  }

  @Test
  void readerAcceptsAnyKeyOrderOnlyWhenAsked() {
    byte[] declarationOrder = MapStruct.encodeInDeclarationOrder(FIELDS);
    assertThatThrownBy(() -> CborReader.decode(declarationOrder, r -> {
      int n = r.readMapHeader();
      for (int i = 0; i < n; i++) {
        r.readMapKey();
        r.readUint64();
      }
      return n;
    })).isInstanceOf(CborException.class).hasMessageContaining("canonical order");

    long sum = CborReader.decode(declarationOrder, r -> {
      MapStruct.Keys k = MapStruct.read(r, "Test");
      long total = 0;
      while (k.hasNext()) {
        k.next();
        total += r.readUint64();
      }
      return total;
    });
    assertThat(sum).isEqualTo(6);
  }

  @Test
  void nonTextKeysAreStillRejected() {
    assertThatThrownBy(() -> CborReader.decode(hex("a10101"), r -> {
      MapStruct.Keys k = MapStruct.read(r, "Test");
      k.next();
      return r.readUint64();
    })).isInstanceOf(CborException.class);
  }
}
