package venus.market.devnet.store;

import java.nio.charset.StandardCharsets;

/**
 * RocksDB column families of a devnet repo. The names are permanent: renaming one orphans the data
 * of every existing repo.
 */
public enum Column {
  /** Chain head height, genesis parameters, next actor id, wallet default. */
  META("meta"),
  /** actor id (8 bytes BE) -> {@link venus.market.devnet.state.ActorRecord}. */
  ACTORS("actors"),
  /** robust address bytes -> actor id (8 bytes BE). */
  ADDRESSES("addresses"),
  /** miner actor id -> {@link venus.market.devnet.state.MinerRecord}. */
  MINERS("miners"),
  /** miner id ‖ sector number -> {@link venus.market.devnet.state.SectorRecord}. */
  SECTORS("sectors"),
  /** actor id -> market escrow and locked balances. */
  ESCROW("escrow"),
  /** deal id -> {@link venus.market.devnet.state.DealRecord}. */
  DEALS("deals"),
  /** height (8 bytes BE) -> tipset record. */
  TIPSETS("tipsets"),
  /**
   * message CID bytes -> message record (signed CBOR, inclusion height, receipt); "mpool/" ‖ CID -> a pending
   * signed message (the pool survives a restart).
   */
  MESSAGES("messages"),
  /** wallet address bytes -> key info. */
  WALLET("wallet");

  private final String familyName;

  Column(String familyName) {
    this.familyName = familyName;
  }

  public byte[] familyNameBytes() {
    return familyName.getBytes(StandardCharsets.US_ASCII);
  }
}
