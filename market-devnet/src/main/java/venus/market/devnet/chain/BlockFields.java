package venus.market.devnet.chain;

import java.math.BigInteger;
import java.util.List;

/**
 * The BlockHeader fields a devnet block carries. CIDs are binary. There is no real consensus: the
 * ticket, election proof, beacon entries, PoSt proofs and signatures are fixed placeholders, and the
 * state/receipt/message roots are deterministic hashes rather than HAMT/AMT roots.
 */
public record BlockFields(
    long minerId,
    List<byte[]> parents,
    BigInteger parentWeight,
    long height,
    byte[] parentStateRoot,
    byte[] parentMessageReceipts,
    byte[] messages,
    long timestamp,
    BigInteger parentBaseFee) {
  public BlockFields {
    parents = List.copyOf(parents);
  }
}
