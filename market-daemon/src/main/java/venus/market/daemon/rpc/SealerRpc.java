package venus.market.daemon.rpc;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import venus.market.core.address.Address;
import venus.market.core.jsonrpc.Permission;
import venus.market.core.jsonrpc.RpcInvalidParamsException;
import venus.market.core.jsonrpc.RpcRegistry;
import venus.market.core.market.DealProposal;
import venus.market.core.multiformats.Cid;
import venus.market.core.piece.PaddedPieceSize;
import venus.market.core.piece.PieceCid;
import venus.market.core.piece.ZeroComm;
import venus.market.core.storagemarket.StorageDealStatus;
import venus.market.daemon.api.ApiJson;
import venus.market.daemon.api.MarketApi;
import venus.market.daemon.api.SealerJson;
import venus.market.daemon.deals.DealTransfer;
import venus.market.daemon.deals.ProviderDeal;
import venus.market.daemon.sealer.DealSpec;
import venus.market.daemon.sealer.PiecePacker;
import venus.market.daemon.sealer.PieceStatus;
import venus.market.daemon.sealer.SealerDeals;

/**
 * The sealer-facing methods of venus-shared's IMarket (names, params and permissions of v1.2.0 and of the current
 * API, so a 2022 venus-sealer and a current damocles both work): GetUnPackedDeals, AssignUnPackedDeals,
 * MarkDealsAsPacking, UpdateDealOnPacking, UpdateDealStatus, ReleaseDeals, GetDeals, UpdateStorageDealStatus, and
 * the extension SealerReportBadPiece.
 */
public final class SealerRpc {
  private static final DealIds LONGS = new DealIds();
  /** go-address's text for address.Undef (a filler piece's Client and Provider). */
  static final String UNDEF_ADDRESS = "<empty>";

  private SealerRpc() {}

  private static final class DealIds extends TypeReference<List<Long>> {}

  public static void register(RpcRegistry.Namespace ns, SealerDeals sealer) {
    ns.method2(MarketApi.GET_UNPACKED_DEALS, Permission.READ, String.class, DealSpec.class,
        (String miner, DealSpec spec) -> sealer.unpacked(miner(miner), spec).stream()
            .map(d -> include(d, d.offset())).toList());
    // 2022: [miner, sectorSize, spec]; v2.2+: [{"Miner","Number"}, sectorSize, spec].
    ns.method3(MarketApi.ASSIGN_UNPACKED_DEALS, Permission.WRITE, JsonNode.class, Long.class, DealSpec.class,
        (JsonNode first, Long size, DealSpec spec) -> {
          Address miner;
          Long sector = null;
          if (first != null && first.isTextual()) {
            miner = miner(first.asText());
          } else if (first != null && first.isObject() && first.path("Miner").canConvertToLong()
              && first.path("Number").canConvertToLong()) {
            miner = Address.newId(first.get("Miner").asLong());
            sector = first.get("Number").asLong();
          } else {
            throw new RpcInvalidParamsException("AssignUnPackedDeals param 0: expected a miner address or a sector ID"
                + " {\"Miner\": 1000, \"Number\": 9}");
          }
          if (size == null || size <= 0) {
            throw new RpcInvalidParamsException("AssignUnPackedDeals param 1: the sector size in bytes is required");
          }
          List<SealerJson.DealInfoIncludePath> out = new ArrayList<>();
          for (PiecePacker.Slot s : sealer.assign(miner, sector, size, spec)) {
            out.add(s.isFiller() ? filler(s) : include(s.deal(), s.offset()));
          }
          return out;
        });
    ns.method2(MarketApi.MARK_DEALS_AS_PACKING, Permission.WRITE, String.class, LONGS.getType(),
        (String miner, List<Long> ids) -> {
          sealer.markPacking(miner(miner), ids(ids));
          return null;
        });
    ns.method(MarketApi.UPDATE_DEAL_ON_PACKING, Permission.WRITE,
        List.of(String.class, Long.class, Long.class, Long.class), call -> {
          sealer.updateOnPacking(miner(call.param(0)), required(call.param(1), "deal ID"),
              required(call.param(2), "sector number"), required(call.param(3), "offset"));
          return null;
        });
    // v1.2.0 sends [miner, dealId, pieceStatus]; the current API adds the deal state.
    ns.methodOptional(MarketApi.UPDATE_DEAL_STATUS, Permission.WRITE, 3,
        List.of(String.class, Long.class, String.class, Integer.class), call -> {
          sealer.updateStatus(miner(call.param(0)), required(call.param(1), "deal ID"), call.param(2),
              call.param(3));
          return null;
        });
    ns.method2(MarketApi.RELEASE_DEALS, Permission.WRITE, String.class, LONGS.getType(),
        (String miner, List<Long> ids) -> {
          sealer.release(miner(miner), ids(ids));
          return null;
        });
    ns.method3(MarketApi.GET_DEALS, Permission.READ, String.class, Integer.class, Integer.class,
        (String miner, Integer page, Integer size) -> sealer.deals(miner(miner), page == null ? 0 : page,
            size == null ? Integer.MAX_VALUE : size).stream().map(SealerRpc::info).toList());
    // v1.2.0 sends [proposalCid, state]; the current API adds the piece status.
    ns.methodOptional(MarketApi.UPDATE_STORAGE_DEAL_STATUS, Permission.WRITE, 2,
        List.of(ApiJson.CidJson.class, Integer.class, String.class), call -> {
          Cid cid = RpcParams.proposalCid(call.param(0));
          Integer code = call.param(1);
          StorageDealStatus state = StorageDealStatus.fromCode(code == null ? -1 : code)
              .orElseThrow(() -> new RpcInvalidParamsException("UpdateStorageDealStatus: " + code
                  + " is not a storage deal state code"));
          sealer.overrideState(cid, state, call.param(2));
          return null;
        });
    ns.method3(MarketApi.SEALER_REPORT_BAD_PIECE, Permission.WRITE, String.class, Long.class, String.class,
        (String miner, Long id, String reason) -> {
          sealer.reportBadPiece(miner(miner), required(id, "deal ID"), reason);
          return null;
        });
  }

  static SealerJson.DealInfoIncludePath include(ProviderDeal d, long offset) {
    DealProposal p = d.proposal().proposal();
    BigInteger fee = p.storagePricePerEpoch().atto().multiply(BigInteger.valueOf(p.endEpoch() - p.startEpoch()));
    return new SealerJson.DealInfoIncludePath(new ApiJson.CidJson(p.pieceCID().toString()), p.pieceSize(),
        p.verifiedDeal(), p.client().toString(), p.provider().toString(), p.label().jsonString(), p.startEpoch(),
        p.endEpoch(), p.storagePricePerEpoch().atto().toString(), p.providerCollateral().atto().toString(),
        p.clientCollateral().atto().toString(), offset, p.pieceSize(), d.payloadSize(), d.dealId(), fee.toString(),
        d.fastRetrieval(), d.publishCid() == null ? null : new ApiJson.CidJson(d.publishCid().toString()));
  }

  static SealerJson.DealInfoIncludePath filler(PiecePacker.Slot s) {
    Cid zero = PieceCid.v1(ZeroComm.piece(new PaddedPieceSize(s.size())));
    return new SealerJson.DealInfoIncludePath(new ApiJson.CidJson(zero.toString()), s.size(), false, UNDEF_ADDRESS,
        UNDEF_ADDRESS, "", 0, 0, "0", "0", "0", s.offset(), s.size(), 0, 0, "0", false, null);
  }

  static SealerJson.DealInfo info(ProviderDeal d) {
    return new SealerJson.DealInfo(d.dealId(), d.sectorNumber(), d.offset(), d.proposal().proposal().pieceSize(),
        DealRpc.proposalJson(d.proposal().proposal()), AskConversions.signature(d.proposal().clientSignature()),
        d.transfer().isOffline() ? DealTransfer.TYPE_MANUAL : d.transfer().type(),
        d.payloadCid() == null ? null : new ApiJson.CidJson(d.payloadCid().toString()),
        d.publishCid() == null ? null : new ApiJson.CidJson(d.publishCid().toString()), d.fastRetrieval(),
        PieceStatus.of(d.pieceStatus()));
  }

  private static Address miner(String text) {
    if (text == null || text.isEmpty()) {
      throw new RpcInvalidParamsException("miner address is required");
    }
    return RpcParams.address("miner", text);
  }

  private static long required(Long v, String what) {
    if (v == null) {
      throw new RpcInvalidParamsException(what + " is required");
    }
    return v;
  }

  private static List<Long> ids(List<Long> ids) {
    if (ids == null) {
      return List.of();
    }
    for (Long id : ids) {
      if (id == null) {
        throw new RpcInvalidParamsException("deal IDs must be numbers, got null");
      }
    }
    return ids;
  }
}
