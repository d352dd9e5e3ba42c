package venus.market.devnet.actors;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import venus.market.core.address.Address;
import venus.market.core.address.Protocol;
import venus.market.core.cbor.CborException;
import venus.market.core.cbor.CborWriter;
import venus.market.core.market.AddBalanceParams;
import venus.market.core.market.ClientDealProposal;
import venus.market.core.market.DealProposal;
import venus.market.core.market.MarketMethods;
import venus.market.core.market.PublishStorageDealsParams;
import venus.market.core.market.PublishStorageDealsReturn;
import venus.market.core.bitfield.BitField;
import venus.market.core.market.WithdrawBalanceParams;
import venus.market.core.miner.ChangeMultiaddrsParams;
import venus.market.core.miner.ChangePeerIDParams;
import venus.market.core.miner.ChangeWorkerAddressParams;
import venus.market.core.miner.MinerMethods;
import venus.market.core.miner.PreCommitSectorBatchParams2;
import venus.market.core.miner.BatchReturn;
import venus.market.core.miner.DataActivationNotification;
import venus.market.core.miner.PieceActivationManifest;
import venus.market.core.miner.ProveCommitSectorParams;
import venus.market.core.miner.ProveCommitSectors3Params;
import venus.market.core.miner.SectorActivationManifest;
import venus.market.core.cbor.CborReader;
import venus.market.core.miner.SectorPreCommitInfo;
import venus.market.core.multiformats.Cid;
import venus.market.devnet.state.ActorKind;
import venus.market.devnet.state.ActorRecord;
import venus.market.devnet.state.StateTree;
import venus.market.devnet.vm.ActorError;
import venus.market.devnet.vm.ExitCode;
import venus.market.devnet.vm.Invocation;
import venus.market.devnet.vm.MethodInvoker;

/**
 * Routes a message to the market or miner actor: decodes the CBOR params with market-core's types,
 * resolves addresses, and encodes the return value. Undecodable params abort with
 * USR_SERIALIZATION; unknown methods with SYS_INVALID_METHOD, as the FVM does.
 */
public final class ActorMethods implements MethodInvoker {
  private final StateTree state;
  private final MarketActor market;
  private final MinerActor miner;
  private final SignatureVerifier verifier;
  private final UnsealedCidCalculator commD;
  private final PublishReturnEncoder publishReturn;

  /** Encodes PublishStorageDealsReturn (ids + ValidDeals bitfield). */
  @FunctionalInterface
  public interface PublishReturnEncoder {
    byte[] encode(PublishResult result);
  }

  public ActorMethods(StateTree state, MarketActor market, MinerActor miner, SignatureVerifier verifier,
      UnsealedCidCalculator commD, PublishReturnEncoder publishReturn) {
    this.state = state;
    this.market = market;
    this.miner = miner;
    this.verifier = verifier;
    this.commD = commD;
    this.publishReturn = publishReturn;
  }

  /** PublishStorageDealsReturn CBOR: [IDs, ValidDeals RLE+ bitfield of params indexes]. */
  public static byte[] encodePublishReturn(PublishResult r) {
    long[] valid = r.validIndexes().stream().mapToLong(Integer::longValue).toArray();
    return new PublishStorageDealsReturn(r.dealIds(), BitField.of(valid)).toCbor();
  }

  @Override
  public byte[] invoke(Invocation call) {
    try {
      if (call.receiver().kind() == ActorKind.MARKET) {
        return market(call);
      }
      if (call.receiver().kind() == ActorKind.MINER) {
        return miner(call);
      }
      if (call.receiver().kind() == ActorKind.ACCOUNT) {
        throw new ActorError(ExitCode.SYS_INVALID_METHOD, "account actor has no method " + call.method());
      }
      throw new ActorError(ExitCode.SYS_INVALID_METHOD,
          "the devnet does not implement methods of the " + call.receiver().kind().codeName() + " actor");
    } catch (CborException e) {
      throw ActorError.serialization("failed to decode params of method " + call.method() + ": " + e.getMessage());
    }
  }

  private byte[] market(Invocation call) {
    long m = call.method();
    if (m == MarketMethods.ADD_BALANCE || m == MarketMethods.ADD_BALANCE_EXPORTED) {
      Address target = AddBalanceParams.decode(call.params()).address();
      market.addBalance(call.callerId(), resolveOrThrow(target), call.value());
      return new byte[0];
    }
    if (m == MarketMethods.WITHDRAW_BALANCE || m == MarketMethods.WITHDRAW_BALANCE_EXPORTED) {
      WithdrawBalanceParams p = WithdrawBalanceParams.decode(call.params());
      var out = market.withdrawBalance(call.callerId(), resolveOrThrow(p.providerOrClientAddress()), p.amount().atto());
      return new CborWriter().writeBigInt(out).toByteArray();
    }
    if (m == MarketMethods.PUBLISH_STORAGE_DEALS || m == MarketMethods.PUBLISH_STORAGE_DEALS_EXPORTED) {
      PublishStorageDealsParams p = PublishStorageDealsParams.decode(call.params());
      List<DealInput> inputs = new ArrayList<>();
      for (ClientDealProposal cdp : p.deals()) {
        inputs.add(toInput(cdp));
      }
      PublishResult r = market.publishStorageDeals(call.callerId(), call.epoch(), inputs, verifier);
      return publishReturn.encode(r);
    }
    throw new ActorError(ExitCode.SYS_INVALID_METHOD, "market actor method " + m + " is not callable on the devnet");
  }

  private byte[] miner(Invocation call) {
    long m = call.method();
    long id = call.receiver().id();
    if (m == MinerMethods.CHANGE_PEER_ID || m == MinerMethods.CHANGE_PEER_ID_EXPORTED) {
      miner.changePeerId(call.callerId(), id, ChangePeerIDParams.decode(call.params()).newID());
      return new byte[0];
    }
    if (m == MinerMethods.CHANGE_MULTIADDRS || m == MinerMethods.CHANGE_MULTIADDRS_EXPORTED) {
      miner.changeMultiaddrs(call.callerId(), id, ChangeMultiaddrsParams.decode(call.params()).newMultiaddrs());
      return new byte[0];
    }
    if (m == MinerMethods.CHANGE_WORKER_ADDRESS || m == MinerMethods.CHANGE_WORKER_ADDRESS_EXPORTED) {
      ChangeWorkerAddressParams p = ChangeWorkerAddressParams.decode(call.params());
      List<Long> controls = new ArrayList<>();
      for (Address a : p.newControlAddrs()) {
        controls.add(resolveOrThrow(a));
      }
      miner.changeWorkerAddress(call.callerId(), id, resolveOrThrow(p.newWorker()), controls);
      return new byte[0];
    }
    if (m == MinerMethods.PRE_COMMIT_SECTOR_BATCH2) {
      List<PreCommitInput> sectors = new ArrayList<>();
      for (SectorPreCommitInfo s : PreCommitSectorBatchParams2.decode(call.params()).sectors()) {
        sectors.add(new PreCommitInput(s.sealProof(), s.sectorNumber(), s.sealedCID().bytes(), s.sealRandEpoch(),
            s.dealIDs(), s.expiration(), s.unsealedCid() == null ? null : s.unsealedCid().bytes()));
      }
      miner.preCommitSectors(call.callerId(), id, call.epoch(), sectors, commD);
      return new byte[0];
    }
    if (m == MinerMethods.PROVE_COMMIT_SECTOR) {
      ProveCommitSectorParams p = ProveCommitSectorParams.decode(call.params());
      miner.proveCommitSector(call.callerId(), id, call.epoch(), p.sectorNumber(), p.proof(), market);
      return new byte[0];
    }
    if (m == MinerMethods.PROVE_COMMIT_SECTORS3) {
      ProveCommitSectors3Params p = ProveCommitSectors3Params.decode(call.params());
      List<SectorActivation> activations = new ArrayList<>();
      for (SectorActivationManifest a : p.sectorActivations()) {
        List<SectorActivation.Piece> pieces = new ArrayList<>();
        for (PieceActivationManifest piece : a.pieces()) {
          List<Long> deals = new ArrayList<>();
          for (DataActivationNotification n : piece.notifications()) {
            if (n.address().isId() && n.address().id() == BuiltinIds.MARKET) {
              deals.add(CborReader.decode(n.payload(), CborReader::readUint64));
            }
          }
          pieces.add(new SectorActivation.Piece(piece.cid().bytes(), piece.size(), deals));
        }
        activations.add(new SectorActivation(a.sectorNumber(), pieces));
      }
      boolean proofs = p.aggregateProof().length > 0
          || (p.sectorProofs().size() == activations.size() && p.sectorProofs().stream().allMatch(b -> b.length > 0));
      List<long[]> failed = miner.proveCommitSectors3(call.callerId(), id, call.epoch(), activations, proofs,
          p.requireActivationSuccess(), market, commD);
      List<BatchReturn.FailCode> codes = new ArrayList<>();
      failed.forEach(f -> codes.add(new BatchReturn.FailCode(f[0], f[1])));
      return new BatchReturn(activations.size() - failed.size(), codes).toCbor();
    }
    throw new ActorError(ExitCode.SYS_INVALID_METHOD, "miner actor method " + m + " is not callable on the devnet");
  }

  private DealInput toInput(ClientDealProposal cdp) {
    DealProposal p = cdp.proposal();
    OptionalLong client = resolve(p.client());
    OptionalLong provider = resolve(p.provider());
    byte[] clientKey = client.isPresent() ? keyAddressOf(client.getAsLong()) : null;
    byte[] onChainCbor = p.signingBytes();
    Cid onChainCid = p.cid();
    if (client.isPresent() && provider.isPresent()) {
      DealProposal normal = new DealProposal(p.pieceCID(), p.pieceSize(), p.verifiedDeal(),
          Address.newId(client.getAsLong()), Address.newId(provider.getAsLong()), p.label(), p.startEpoch(),
          p.endEpoch(), p.storagePricePerEpoch(), p.providerCollateral(), p.clientCollateral());
      onChainCbor = normal.signingBytes();
      onChainCid = normal.cid();
    }
    return new DealInput(client.orElse(-1), clientKey, provider.orElse(-1), p.hasValidPieceCidPrefix(),
        p.pieceCID().bytes(), p.pieceSize(), p.verifiedDeal(), p.label().length(), p.startEpoch(), p.endEpoch(),
        p.storagePricePerEpoch().atto(), p.providerCollateral().atto(), p.clientCollateral().atto(),
        p.signingBytes(), cdp.clientSignature().toBytes(), onChainCbor, onChainCid.bytes());
  }

  private byte[] keyAddressOf(long id) {
    ActorRecord a = state.actor(id);
    if (a.kind() != ActorKind.ACCOUNT || a.robustAddress() == null) {
      return null;
    }
    Protocol p = Address.fromBytes(a.robustAddress()).protocol();
    return p == Protocol.SECP256K1 || p == Protocol.BLS ? a.robustAddress() : null;
  }

  private OptionalLong resolve(Address a) {
    if (a.isId()) {
      return state.actors().get(a.id()).isPresent() ? OptionalLong.of(a.id()) : OptionalLong.empty();
    }
    return state.lookupRobust(a.bytes()).map(OptionalLong::of).orElse(OptionalLong.empty());
  }

  private long resolveOrThrow(Address a) {
    return resolve(a).orElseThrow(() -> ActorError.illegalArgument("failed to resolve address " + a));
  }
}
