package venus.market.devnet.vm;

/** Message receipt: exit code, CBOR return value (empty when none) and gas used. */
public record Receipt(int exitCode, byte[] returnValue, long gasUsed) {}
