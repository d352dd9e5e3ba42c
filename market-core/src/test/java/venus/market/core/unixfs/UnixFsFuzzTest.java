package venus.market.core.unixfs;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * dag-pb nodes and UnixFS data read from CAR files fail only with a UnixFsException, and an accepted node keeps its
 * links and data through re-encoding.
 */
class UnixFsFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void dagPbAndUnixFsFailOnlyWithUnixFsException(byte[] input) {
    try {
      PbNode node = PbNode.decode(input);
      PbNode again = PbNode.decode(node.encode());
      assertThat(again.links()).isEqualTo(node.links());
      assertThat(again.data()).isEqualTo(node.data());
    } catch (UnixFsException expected) {
      // rejected input is fine
    }
    try {
      UnixFsData data = UnixFsData.decode(input);
      UnixFsData again = UnixFsData.decode(data.encode());
      assertThat(again.type()).isEqualTo(data.type());
      assertThat(again.filesize()).isEqualTo(data.filesize());
      assertThat(again.blocksizes()).isEqualTo(data.blocksizes());
    } catch (UnixFsException expected) {
      // rejected input is fine
    }
  }
}
