package venus.market.core.multiformats;

import java.util.Map;

/**
 * Multicodec codes Filecoin uses (github.com/multiformats/multicodec table.csv). Codes are plain longs because the
 * table is open-ended; {@link #name} gives a label for messages.
 */
public final class Multicodec {

  // multihash functions
  public static final long IDENTITY = 0x00;
  public static final long SHA2_256 = 0x12;
  public static final long SHA2_256_TRUNC254_PADDED = 0x1012;
  public static final long FR32_SHA256_TRUNC254_PADBINTREE = 0x1011;
  public static final long BLAKE2B_256 = 0xb220;
  public static final long POSEIDON_BLS12_381_A2_FC1 = 0xb401;

  // content codecs
  public static final long RAW = 0x55;
  public static final long DAG_PB = 0x70;
  public static final long DAG_CBOR = 0x71;
  public static final long LIBP2P_KEY = 0x72;
  public static final long DAG_JSON = 0x0129;
  public static final long FIL_COMMITMENT_UNSEALED = 0xf101;
  public static final long FIL_COMMITMENT_SEALED = 0xf102;

  // CAR
  public static final long CAR = 0x0202;
  public static final long CAR_INDEX_SORTED = 0x0400;
  public static final long CAR_MULTIHASH_INDEX_SORTED = 0x0401;

  private static final Map<Long, String> NAMES = Map.ofEntries(
      Map.entry(IDENTITY, "identity"),
      Map.entry(SHA2_256, "sha2-256"),
      Map.entry(SHA2_256_TRUNC254_PADDED, "sha2-256-trunc254-padded"),
      Map.entry(FR32_SHA256_TRUNC254_PADBINTREE, "fr32-sha256-trunc254-padbintree"),
      Map.entry(BLAKE2B_256, "blake2b-256"),
      Map.entry(POSEIDON_BLS12_381_A2_FC1, "poseidon-bls12_381-a2-fc1"),
      Map.entry(RAW, "raw"),
      Map.entry(DAG_PB, "dag-pb"),
      Map.entry(DAG_CBOR, "dag-cbor"),
      Map.entry(LIBP2P_KEY, "libp2p-key"),
      Map.entry(DAG_JSON, "dag-json"),
      Map.entry(FIL_COMMITMENT_UNSEALED, "fil-commitment-unsealed"),
      Map.entry(FIL_COMMITMENT_SEALED, "fil-commitment-sealed"),
      Map.entry(CAR, "car"),
      Map.entry(CAR_INDEX_SORTED, "car-index-sorted"),
      Map.entry(CAR_MULTIHASH_INDEX_SORTED, "car-multihash-index-sorted"));

  private Multicodec() {}

  /** The table name of {@code code}, or its hex form ("0x1234") if it is not one of the codes above. */
  public static String name(long code) {
    String n = NAMES.get(code);
    return n != null ? n : "0x" + Long.toHexString(code);
  }
}
