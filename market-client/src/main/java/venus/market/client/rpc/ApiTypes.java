package venus.market.client.rpc;

import java.util.List;
import venus.market.client.deals.ClientDeal;
import venus.market.client.deals.MinerFinder;
import venus.market.core.address.Address;
import venus.market.core.amount.TokenAmount;
import venus.market.core.market.MarketBalance;
import venus.market.core.multiformats.Cid;
import venus.market.core.storagemarket.SignedStorageAsk;

/** JSON shapes of the client API (Lotus JSON via {@code LotusJson.mapper()}: PascalCase keys). */
public final class ApiTypes {
  private ApiTypes() {
  }

  /** lotus StorageAsk plus the peer it came from. */
  public record Ask(Address miner, TokenAmount price, TokenAmount verifiedPrice, long minPieceSize, long maxPieceSize,
      long timestamp, long expiry, long seqNo, String peerId) {
    public static Ask of(SignedStorageAsk s, String peer) {
      var a = s.ask();
      return new Ask(a.miner(), a.price(), a.verifiedPrice(), a.minPieceSize(), a.maxPieceSize(), a.timestamp(),
          a.expiry(), a.seqNo(), peer);
    }
  }

  /** One discovered miner's ask and the round trip of a second ask query (lotus QueriedAsk). */
  public record QueriedAsk(Ask ask, long pingNanos) {}

  /** Miner discovery: miners on chain, those with minimum power, asks queried, and the asks that came back. */
  public record FoundAsks(int miners, int withPower, int queried, List<QueriedAsk> asks) {
    public static FoundAsks of(MinerFinder.Result r) {
      return new FoundAsks(r.miners(), r.withPower(), r.queried(), r.asks().stream()
          .map(f -> new QueriedAsk(Ask.of(f.ask(), f.peerId()), f.ping().toNanos())).toList());
    }
  }

  /** lotus DataCIDSize: PayloadSize (CAR bytes), PieceSize (padded), PieceCID. */
  public record DataCidSize(long payloadSize, long pieceSize, Cid pieceCID) {}

  public record Balance(Address address, TokenAmount escrow, TokenAmount locked, TokenAmount available) {
    public static Balance of(Address a, MarketBalance b) {
      return new Balance(a, b.escrow(), b.locked(), b.available());
    }
  }

  /** One deal as {@code storage deals list/get} shows it. */
  public record DealInfo(
      Cid proposalCid,
      String dealUuid,
      String state,
      long stateCode,
      String message,
      String providerState,
      Address provider,
      Address client,
      Cid dataRoot,
      Cid pieceCID,
      long pieceSize,
      TokenAmount pricePerEpoch,
      TokenAmount totalPrice,
      long startEpoch,
      long endEpoch,
      long duration,
      boolean verifiedDeal,
      boolean offline,
      long transferSize,
      long bytesSent,
      long dealID,
      Cid publishCid,
      long sectorStartEpoch,
      long slashEpoch,
      String providerPeer,
      List<String> providerAddrs,
      String created,
      String updated) {

    public static DealInfo of(ClientDeal d) {
      var p = d.proposal().proposal();
      return new DealInfo(d.proposalCid(), d.dealUuid().toString(), d.state().goName(), d.state().code(),
          d.message(), d.providerState(), p.provider(), p.client(), d.dataRoot(), p.pieceCID(), p.pieceSize(),
          p.storagePricePerEpoch(), p.totalStorageFee(), p.startEpoch(), p.endEpoch(), p.duration(),
          p.verifiedDeal(), d.offline(), d.transferSize(), d.bytesSent(), d.dealId(), d.publishCid(),
          d.sectorStartEpoch(), d.slashEpoch(), d.providerPeer(), d.providerAddrs(), d.created().toString(),
          d.updated().toString());
    }
  }
}
