package venus.market.daemon.rpc;

import venus.market.core.jsonrpc.Permission;
import venus.market.core.jsonrpc.RpcInvalidParamsException;
import venus.market.core.jsonrpc.RpcRegistry;
import venus.market.daemon.api.ApiJson;
import venus.market.daemon.api.MarketApi;
import venus.market.daemon.offline.DataImporter;

/**
 * DealsImportData (admin) and MarketImportDealData (write), venus-shared v1.2.0: {@code [{"/": proposalCid},
 * "/abs/path/file.car"]} → null once the data is verified, stored and the deal moved on; an error otherwise.
 */
public final class ImportRpc {
  private ImportRpc() {}

  public static void register(RpcRegistry.Namespace ns, DataImporter importer) {
    RpcRegistry.Fn2<ApiJson.CidJson, String> call = (c, path) -> {
      if (path == null) {
        throw new RpcInvalidParamsException("file: expected the absolute path of the deal's CAR file");
      }
      importer.importData(RpcParams.proposalCid(c), path);
      return null;
    };
    ns.method2(MarketApi.DEALS_IMPORT_DATA, Permission.ADMIN, ApiJson.CidJson.class, String.class, call);
    ns.method2(MarketApi.MARKET_IMPORT_DEAL_DATA, Permission.WRITE, ApiJson.CidJson.class, String.class, call);
  }
}
