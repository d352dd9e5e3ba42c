package venus.market.daemon.rpc;

import static venus.market.core.jsonrpc.Permission.ADMIN;
import static venus.market.core.jsonrpc.Permission.READ;
import static venus.market.core.jsonrpc.Permission.SIGN;
import static venus.market.core.jsonrpc.Permission.WRITE;

import java.util.Map;
import java.util.TreeMap;
import venus.market.core.jsonrpc.Permission;

/**
 * The permission every {@code VENUS_MARKET} method must carry. The droplet part is the 2022 table (venus-shared
 * api/market v1.2.0, shared/reference/droplet-spec.md §3.3) and includes methods not implemented yet, so that
 * whoever registers them gets the check for free; the extension part lists this daemon's own methods.
 *
 * <p>A method registered in the daemon but missing here fails {@link RpcPermissionsTest}: add it to the right
 * table, with droplet's permission if droplet has the method.
 */
final class DropletPermissions {
  private DropletPermissions() {}

  static final Map<String, Permission> DROPLET = table(
      // actor / net
      "ActorList", READ, "ActorExist", READ, "ActorSectorSize", READ, "NetAddrsListen", READ, "ID", READ,
      // storage deals
      "MarketImportDealData", WRITE, "DealsImportData", ADMIN, "MarketListIncompleteDeals", READ,
      "MarketGetDealUpdates", READ, "MarketListDeals", READ, "UpdateStorageDealStatus", WRITE,
      "MarketPendingDeals", WRITE, "MarketPublishPendingDeals", ADMIN,
      "DealsConsiderOnlineStorageDeals", ADMIN, "DealsSetConsiderOnlineStorageDeals", ADMIN,
      "DealsConsiderOnlineRetrievalDeals", ADMIN, "DealsSetConsiderOnlineRetrievalDeals", ADMIN,
      "DealsConsiderOfflineStorageDeals", ADMIN, "DealsSetConsiderOfflineStorageDeals", ADMIN,
      "DealsConsiderOfflineRetrievalDeals", ADMIN, "DealsSetConsiderOfflineRetrievalDeals", ADMIN,
      "DealsConsiderVerifiedStorageDeals", ADMIN, "DealsSetConsiderVerifiedStorageDeals", ADMIN,
      "DealsConsiderUnverifiedStorageDeals", ADMIN, "DealsSetConsiderUnverifiedStorageDeals", ADMIN,
      "DealsPieceCidBlocklist", ADMIN, "DealsSetPieceCidBlocklist", ADMIN,
      "SectorGetSealDelay", READ, "SectorSetExpectedSealDuration", WRITE,
      // asks
      "MarketSetAsk", ADMIN, "MarketGetAsk", READ, "MarketListAsk", READ,
      "MarketSetRetrievalAsk", ADMIN, "MarketGetRetrievalAsk", READ, "MarketListRetrievalAsk", READ,
      "MarketListRetrievalDeals", READ,
      // funds and messages
      "MarketAddBalance", SIGN, "MarketGetReserved", SIGN, "MarketReserveFunds", SIGN, "MarketReleaseFunds", SIGN,
      "MarketWithdraw", SIGN, "MessagerPushMessage", WRITE, "MessagerWaitMessage", READ, "MessagerGetMessage", READ,
      // data transfer
      "MarketListDataTransfers", WRITE, "MarketDataTransferUpdates", WRITE, "MarketRestartDataTransfer", WRITE,
      "MarketCancelDataTransfer", WRITE,
      // pieces and dag store
      "PiecesListPieces", READ, "PiecesListCidInfos", READ, "PiecesGetPieceInfo", READ, "PiecesGetCIDInfo", READ,
      "DagstoreListShards", READ, "DagstoreInitializeShard", WRITE, "DagstoreRecoverShard", WRITE,
      "DagstoreInitializeAll", WRITE, "DagstoreGC", ADMIN,
      // sealer-facing
      "GetUnPackedDeals", READ, "AssignUnPackedDeals", WRITE, "MarkDealsAsPacking", WRITE,
      "UpdateDealOnPacking", WRITE, "UpdateDealStatus", WRITE, "GetDeals", READ, "ListenMarketEvent", READ,
      "ResponseMarketEvent", READ, "GetReadUrl", READ, "GetWriteUrl", READ, "PaychVoucherList", READ,
      "ImportV1Data", WRITE);

  /** This daemon's additions (market-daemon/README.md, "API"): the CLI never dials the node itself. */
  static final Map<String, Permission> EXTENSIONS = table(
      "ActorInfo", READ, "ActorSetAddrs", ADMIN, "ActorSetPeerID", ADMIN, "NetPeers", READ, "ChainHead", READ,
      "AuthVerify", READ, "Version", READ, "AuthNew", ADMIN, "MarketGetDeal", READ,
      // sealer API: ReleaseDeals is venus-shared's later (2023) method, SealerReportBadPiece this daemon's own
      "ReleaseDeals", WRITE, "SealerReportBadPiece", WRITE);

  private static Map<String, Permission> table(Object... pairs) {
    Map<String, Permission> m = new TreeMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (m.put((String) pairs[i], (Permission) pairs[i + 1]) != null) {
        throw new IllegalStateException("listed twice: " + pairs[i]);
      }
    }
    return m;
  }
}
