package venus.market.core.car;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import venus.market.core.multiformats.Cid;
import venus.market.core.unixfs.IpldLinks;

/**
 * Hostile CAR bytes (v1 or v2, with index, dag-pb / dag-cbor blocks) may only fail with a CarException: never an
 * index, null-pointer, allocation or arithmetic error. Replays CarFuzzTestInputs/ in a normal build (seeds are
 * small go-car test CARs); fuzz with {@code JAZZER_FUZZ=1 JAZZER_INSTRUMENTATION_INCLUDES='venus.market.core.**'
 * mvn -pl market-core test -Dtest=CarFuzzTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class CarFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void readsOnlyWithCarErrors(byte[] input) {
    try {
      CarReader r = CarReader.open(new ByteArrayInputStream(input), input.length % 2 == 0);
      BlockVerifier verifier = new BlockVerifier();
      DagCompleteness dag = new DagCompleteness(new IpldLinks());
      for (CarBlock b = r.next(); b != null; b = r.next()) {
        try {
          verifier.verify(b);
        } catch (BlockMismatchException expected) {
          // still walk it: link decoding must be safe on any bytes
        }
        dag.add(b.cid(), b.data());
      }
      r.verifyIndex();
      for (Cid root : r.header().roots()) {
        dag.walk(root);
      }
    } catch (CarException expected) {
      // the only acceptable failure
    }
  }
}
