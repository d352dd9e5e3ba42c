package venus.market.devnet.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import venus.market.core.address.Address;
import venus.market.core.jsonrpc.Permission;
import venus.market.core.jsonrpc.RpcCall;
import venus.market.core.jsonrpc.RpcRegistry;
import venus.market.core.market.DealLabel;
import venus.market.core.market.DealProposal;
import venus.market.core.multiformats.Base58;
import venus.market.core.multiformats.Cid;
import venus.market.core.multiformats.Multihash;
import venus.market.devnet.actors.MarketPolicy;
import venus.market.core.chain.SignedMessage;
import venus.market.core.chain.UnsignedMessage;
import venus.market.devnet.chain.MessageRecord;
import venus.market.devnet.chain.TipsetRecord;
import venus.market.devnet.state.ActorKind;
import venus.market.devnet.state.ActorRecord;
import venus.market.devnet.state.DealRecord;
import venus.market.devnet.state.EscrowRecord;
import venus.market.devnet.state.MinerRecord;
import venus.market.devnet.state.SectorRecord;
import venus.market.devnet.vm.MessageEnvelope;

/**
 * Chain* and State* methods. The devnet keeps only the latest state, so tipset-key arguments select
 * tipsets for Chain* calls but State* calls always answer from the head state.
 */
final class ChainStateApi {
  /** Network version reported by StateNetworkVersion (deal states use the nv22+ layout). */
  static final int NETWORK_VERSION = 27;
  /** Builtin actors version named in the devnet's code CIDs. */
  static final int ACTORS_VERSION = 17;
  static final long WPOST_PROVING_PERIOD = 2880;
  static final long WPOST_CHALLENGE_WINDOW = 60;
  static final long WPOST_PERIOD_DEADLINES = 48;
  static final long WPOST_CHALLENGE_LOOKBACK = 20;
  static final long FAULT_DECLARATION_CUTOFF = 70;
  static final long MAX_WAIT_MINUTES = 30;

  private final NodeServices node;

  ChainStateApi(NodeServices node) {
    this.node = node;
  }

  void register(RpcRegistry.Namespace ns) {
    ns.method("ChainHead", Permission.READ, List.of(), c -> Json.tipset(node.chain().head()));
    ns.method("ChainGetGenesis", Permission.READ, List.of(), c -> Json.tipset(tipsetAt(0)));
    ns.method("ChainGetTipSet", Permission.READ, types(1), c -> Json.tipset(tipset(arg(c, 0))));
    ns.method("ChainGetTipSetByHeight", Permission.READ, types(2), this::chainGetTipSetByHeight);
    ns.method("ChainGetTipSetAfterHeight", Permission.READ, types(2), this::chainGetTipSetByHeight);
    ns.method("ChainGetBlock", Permission.READ, types(1), c -> {
      Cid cid = Json.parseCid(arg(c, 0), "block CID");
      return Json.header(node.chain().tipsetByCid(cid.bytes())
          .orElseThrow(() -> new ApiException("block " + cid + " not found")).header());
    });
    ns.method("ChainGetMessage", Permission.READ, types(1), c -> Json.message(findMessage(Json.parseCid(arg(c, 0), "message CID"))));
    ns.channel("ChainNotify", Permission.READ, List.of(), (call, sink) -> {
      sink.send(Json.arr().add(headChange("current", node.chain().head())));
      // send() returns false once the client has gone; the close hook below then unregisters us
      venus.market.devnet.chain.ChainEngine.HeadListener l = ts -> sink.send(Json.arr().add(headChange("apply", ts)));
      node.chain().addListener(l);
      return () -> node.chain().removeListener(l);
    });

    ns.method("StateNetworkName", Permission.READ, List.of(), c -> node.options().networkName());
    ns.method("StateNetworkVersion", Permission.READ, types(1), c -> NETWORK_VERSION);
    ns.method("StateGetNetworkParams", Permission.READ, List.of(), c -> networkParams());
    ns.method("StateLookupID", Permission.READ, types(2), c -> Json.idAddr(node.requireActor(addr(c, 0)).id()));
    ns.method("StateAccountKey", Permission.READ, types(2), c -> Json.addr(node.keyAddress(addr(c, 0))));
    ns.method("StateLookupRobustAddress", Permission.READ, types(2), c -> {
      ActorRecord a = node.requireActor(addr(c, 0));
      if (a.robustAddress() == null) {
        throw new ApiException("actor " + Json.idAddr(a.id()) + " has no robust address on the devnet");
      }
      return Json.addr(Address.fromBytes(a.robustAddress()));
    });
    ns.method("StateGetActor", Permission.READ, types(2), c -> actorJson(node.requireActor(addr(c, 0))));
    ns.method("StateListMiners", Permission.READ, types(1), c -> {
      ArrayNode a = Json.arr();
      node.chain().read(s -> s.miners().rows().keySet()).forEach(id -> a.add(Json.idAddr(id)));
      return a;
    });
    ns.method("StateMinerInfo", Permission.READ, types(2), c -> minerInfo(miner(addr(c, 0))));
    ns.method("StateMinerPower", Permission.READ, types(2), c -> minerPower(miner(addr(c, 0))));
    ns.method("StateMinerSectors", Permission.READ, types(3), this::minerSectors);
    ns.method("StateMinerActiveSectors", Permission.READ, types(2), c -> minerSectorsOf(miner(addr(c, 0)), null));
    ns.method("StateSectorGetInfo", Permission.READ, types(3), c -> {
      MinerRecord m = miner(addr(c, 0));
      long n = Json.parseLong(arg(c, 1), "sector number");
      return sector(m.id(), n).filter(SectorRecord::isProven).map(this::sectorJson).orElse(null);
    });
    ns.method("StateSectorPreCommitInfo", Permission.READ, types(3), c -> {
      MinerRecord m = miner(addr(c, 0));
      long n = Json.parseLong(arg(c, 1), "sector number");
      SectorRecord s = sector(m.id(), n).filter(x -> !x.isProven())
          .orElseThrow(() -> new ApiException("precommit info is not exists"));
      return preCommitJson(s);
    });
    ns.method("StateMinerProvingDeadline", Permission.READ, types(2), c -> {
      miner(addr(c, 0));
      return deadline(node.chain().head().height());
    });
    ns.method("StateMarketBalance", Permission.READ, types(2), c -> {
      ActorRecord a = node.requireActor(addr(c, 0));
      EscrowRecord e = node.chain().read(s -> s.escrowOf(a.id()));
      return Json.obj().put("Escrow", Json.big(e.escrow())).put("Locked", Json.big(e.locked()));
    });
    ns.method("StateMarketStorageDeal", Permission.READ, types(2), c -> {
      long id = Json.parseLong(arg(c, 0), "deal id");
      DealRecord d = node.chain().read(s -> s.deals().get(id))
          .orElseThrow(() -> new ApiException("deal " + id + " not found"));
      return marketDeal(d);
    });
    ns.method("StateMarketDeals", Permission.READ, types(1), c -> {
      ObjectNode o = Json.obj();
      for (DealRecord d : node.chain().read(s -> List.copyOf(s.deals().rows().values()))) {
        o.set(Long.toString(d.dealId()), marketDeal(d));
      }
      return o;
    });
    ns.method("StateDealProviderCollateralBounds", Permission.READ, types(3), c -> {
      long size = Json.parseLong(arg(c, 0), "piece size");
      BigInteger min = MarketPolicy.minProviderCollateral(size)
          .multiply(BigInteger.valueOf(110)).divide(BigInteger.valueOf(100));
      return Json.obj().put("Min", Json.big(min)).put("Max", Json.big(MarketPolicy.maxProviderCollateral()));
    });
    ns.method("StateVerifiedClientStatus", Permission.READ, types(2), c -> {
      node.requireActor(addr(c, 0));
      return null;
    });
    ns.method("StateGetAllocationForPendingDeal", Permission.READ, types(2), c -> null);
    ns.method("StateWaitMsg", Permission.READ, types(4), this::stateWaitMsg);
    ns.method("StateSearchMsg", Permission.READ, types(4), c -> {
      Cid cid = Json.parseCid(arg(c, 1), "message CID");
      return node.chain().message(cid.bytes()).map(this::msgLookup).orElse(null);
    });
  }

  static List<Class<?>> types(int n) {
    return Collections.nCopies(n, JsonNode.class);
  }

  static JsonNode arg(RpcCall c, int i) {
    return Params.at(c, i);
  }

  static Address addr(RpcCall c, int i) {
    return Json.parseAddress(arg(c, i), "address");
  }

  private TipsetRecord tipsetAt(long h) {
    return node.chain().tipsetAt(h).orElseThrow(() -> new ApiException("no tipset at height " + h));
  }

  /** A tipset key ([] or null = head). */
  TipsetRecord tipset(JsonNode tsk) {
    if (tsk == null || tsk.isNull() || (tsk.isArray() && tsk.isEmpty())) {
      return node.chain().head();
    }
    if (!tsk.isArray()) {
      throw new ApiException("tipset key must be an array of CIDs");
    }
    Cid first = Json.parseCid(tsk.get(0), "tipset key");
    return node.chain().tipsetByCid(first.bytes())
        .orElseThrow(() -> new ApiException("loading tipset " + first + ": not found"));
  }

  private Object chainGetTipSetByHeight(RpcCall c) {
    long h = Json.parseLong(arg(c, 0), "height");
    TipsetRecord from = tipset(arg(c, 1));
    if (h > from.height()) {
      throw new ApiException("looking for tipset with height greater than start point");
    }
    if (h < 0) {
      throw new ApiException("negative height " + h);
    }
    return Json.tipset(tipsetAt(h));
  }

  private UnsignedMessage findMessage(Cid cid) {
    Optional<MessageRecord> done = node.chain().message(cid.bytes());
    if (done.isPresent()) {
      return SignedMessage.fromCbor(done.get().signedCbor()).message();
    }
    for (MessageEnvelope m : node.chain().pool().pending()) {
      if (java.util.Arrays.equals(m.cid(), cid.bytes()) || java.util.Arrays.equals(m.unsignedCid(), cid.bytes())) {
        return SignedMessage.fromCbor(m.signedCbor()).message();
      }
    }
    throw new ApiException("failed to load message " + cid + ": not found");
  }

  private static ObjectNode headChange(String type, TipsetRecord ts) {
    ObjectNode o = Json.obj().put("Type", type);
    o.set("Val", Json.tipset(ts));
    return o;
  }

  private Object stateWaitMsg(RpcCall c) throws Exception {
    Cid cid = Json.parseCid(arg(c, 0), "message CID");
    long confidence = Json.parseLong(arg(c, 1), "confidence");
    try {
      MessageRecord m = node.chain().awaitMessage(cid.bytes(), confidence).get(MAX_WAIT_MINUTES, TimeUnit.MINUTES);
      return msgLookup(m);
    } catch (TimeoutException e) {
      throw new ApiException("message " + cid + " not found after waiting " + MAX_WAIT_MINUTES + " minutes");
    }
  }

  private ObjectNode msgLookup(MessageRecord m) {
    ObjectNode o = Json.obj();
    o.set("Message", Json.cid(m.cid()));
    ObjectNode r = Json.obj();
    r.put("ExitCode", m.receipt().exitCode());
    r.set("Return", m.receipt().returnValue().length == 0 ? NullNode.getInstance() : Json.bytes(m.receipt().returnValue()));
    r.put("GasUsed", m.receipt().gasUsed());
    r.set("EventsRoot", NullNode.getInstance());
    o.set("Receipt", r);
    o.set("ReturnDec", NullNode.getInstance());
    o.set("TipSet", Json.tipsetKey(m.tipsetCid()));
    o.put("Height", m.height());
    return o;
  }

  static Cid codeCid(ActorKind kind) {
    byte[] name = ("fil/" + ACTORS_VERSION + "/" + kind.codeName()).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    return Cid.v1(venus.market.core.multiformats.Multicodec.RAW, Multihash.identity(name));
  }

  private ObjectNode actorJson(ActorRecord a) {
    ObjectNode o = Json.obj();
    o.set("Code", Json.cid(codeCid(a.kind())));
    o.set("Head", Json.cid(node.chain().head().header().parentStateRoot()));
    o.put("Nonce", a.nonce());
    o.put("Balance", Json.big(a.balance()));
    return o;
  }

  private MinerRecord miner(Address a) {
    ActorRecord r = node.requireActor(a);
    return node.chain().read(s -> s.miners().get(r.id()))
        .orElseThrow(() -> new ApiException("actor " + Json.addr(a) + " is not a miner actor"));
  }

  private Optional<SectorRecord> sector(long miner, long n) {
    return node.chain().read(s -> s.sectors().get(new venus.market.devnet.state.SectorKey(miner, n)));
  }

  private ObjectNode minerInfo(MinerRecord m) {
    ObjectNode o = Json.obj();
    o.put("Owner", Json.idAddr(m.owner()));
    o.put("Worker", Json.idAddr(m.worker()));
    o.put("NewWorker", "<empty>");
    if (m.controls().isEmpty()) {
      o.set("ControlAddresses", NullNode.getInstance());
    } else {
      ArrayNode ctl = Json.arr();
      m.controls().forEach(id -> ctl.add(Json.idAddr(id)));
      o.set("ControlAddresses", ctl);
    }
    o.put("WorkerChangeEpoch", -1);
    if (m.peerId() == null) {
      o.set("PeerId", NullNode.getInstance());
    } else {
      o.put("PeerId", Base58.encode(m.peerId()));
    }
    if (m.multiaddrs().isEmpty()) {
      o.set("Multiaddrs", NullNode.getInstance());
    } else {
      ArrayNode ma = Json.arr();
      m.multiaddrs().forEach(b -> ma.add(Json.bytes(b)));
      o.set("Multiaddrs", ma);
    }
    o.put("WindowPoStProofType", m.windowPostProofType());
    o.put("SectorSize", m.sectorSize());
    o.put("WindowPoStPartitionSectors", 2);
    o.put("ConsensusFaultElapsed", -1);
    o.set("PendingOwnerAddress", NullNode.getInstance());
    o.put("Beneficiary", Json.idAddr(m.owner()));
    o.set("BeneficiaryTerm", Json.obj().put("Quota", "0").put("UsedQuota", "0").put("Expiration", 0));
    o.set("PendingBeneficiaryTerm", NullNode.getInstance());
    return o;
  }

  private ObjectNode minerPower(MinerRecord m) {
    long proven = node.chain().read(s -> s.sectors().rows().values().stream()
        .filter(x -> x.minerId() == m.id() && x.isProven()).count());
    long total = node.chain().read(s -> s.sectors().rows().values().stream().filter(SectorRecord::isProven)
        .mapToLong(x -> s.miners().get(x.minerId()).map(MinerRecord::sectorSize).orElse(0L)).sum());
    String mine = Long.toString(proven * m.sectorSize());
    ObjectNode o = Json.obj();
    o.set("MinerPower", Json.obj().put("RawBytePower", mine).put("QualityAdjPower", mine));
    o.set("TotalPower", Json.obj().put("RawBytePower", Long.toString(total)).put("QualityAdjPower", Long.toString(total)));
    o.put("HasMinPower", true);
    return o;
  }

  private Object minerSectors(RpcCall c) {
    MinerRecord m = miner(addr(c, 0));
    JsonNode filter = arg(c, 1);
    Set<Long> wanted = null;
    if (filter.isArray()) {
      // lotus JSON bitfield: run lengths, starting with a run of zeros
      wanted = new HashSet<>();
      long pos = 0;
      boolean set = false;
      for (JsonNode run : filter) {
        long len = run.asLong();
        if (len < 0 || len > 1 << 20) {
          throw new ApiException("sector bitfield run length out of range: " + len);
        }
        if (set) {
          for (long i = 0; i < len; i++) {
            wanted.add(pos + i);
          }
        }
        pos += len;
        set = !set;
      }
    }
    return minerSectorsOf(m, wanted);
  }

  private ArrayNode minerSectorsOf(MinerRecord m, Set<Long> wanted) {
    ArrayNode a = Json.arr();
    List<SectorRecord> all = node.chain().read(s -> new ArrayList<>(s.sectors().rows().values()));
    for (SectorRecord s : all) {
      if (s.minerId() == m.id() && s.isProven() && (wanted == null || wanted.contains(s.number()))) {
        a.add(sectorJson(s));
      }
    }
    return a;
  }

  private ObjectNode sectorJson(SectorRecord s) {
    ObjectNode o = Json.obj();
    o.put("SectorNumber", s.number());
    o.put("SealProof", s.sealProof());
    o.set("SealedCID", Json.cid(s.sealedCid()));
    ArrayNode deals = Json.arr();
    s.dealIds().forEach(deals::add);
    o.set("DealIDs", deals);
    o.put("Activation", s.activation());
    o.put("Expiration", s.expiration());
    o.put("DealWeight", "0");
    o.put("VerifiedDealWeight", "0");
    o.put("InitialPledge", "0");
    o.put("ExpectedDayReward", "0");
    o.put("ExpectedStoragePledge", "0");
    o.put("PowerBaseEpoch", s.activation());
    o.put("ReplacedDayReward", "0");
    o.set("SectorKeyCID", NullNode.getInstance());
    o.put("Flags", 0);
    o.put("DailyFee", "0");
    return o;
  }

  private ObjectNode preCommitJson(SectorRecord s) {
    ObjectNode info = Json.obj();
    info.put("SealProof", s.sealProof());
    info.put("SectorNumber", s.number());
    info.set("SealedCID", Json.cid(s.sealedCid()));
    info.put("SealRandEpoch", s.sealRandEpoch());
    ArrayNode deals = Json.arr();
    s.dealIds().forEach(deals::add);
    info.set("DealIDs", deals);
    info.put("Expiration", s.expiration());
    info.set("UnsealedCid", Json.cid(s.unsealedCid()));
    ObjectNode o = Json.obj();
    o.set("Info", info);
    o.put("PreCommitDeposit", "0");
    o.put("PreCommitEpoch", s.preCommitEpoch());
    return o;
  }

  static ObjectNode deadline(long epoch) {
    long periodStart = epoch - Math.floorMod(epoch, WPOST_PROVING_PERIOD);
    long index = (epoch - periodStart) / WPOST_CHALLENGE_WINDOW;
    long open = periodStart + index * WPOST_CHALLENGE_WINDOW;
    ObjectNode o = Json.obj();
    o.put("CurrentEpoch", epoch);
    o.put("PeriodStart", periodStart);
    o.put("Index", index);
    o.put("Open", open);
    o.put("Close", open + WPOST_CHALLENGE_WINDOW);
    o.put("Challenge", open - WPOST_CHALLENGE_LOOKBACK);
    o.put("FaultCutoff", open - FAULT_DECLARATION_CUTOFF);
    o.put("WPoStPeriodDeadlines", WPOST_PERIOD_DEADLINES);
    o.put("WPoStProvingPeriod", WPOST_PROVING_PERIOD);
    o.put("WPoStChallengeWindow", WPOST_CHALLENGE_WINDOW);
    o.put("WPoStChallengeLookback", WPOST_CHALLENGE_LOOKBACK);
    o.put("FaultDeclarationCutoff", FAULT_DECLARATION_CUTOFF);
    return o;
  }

  private ObjectNode networkParams() {
    ObjectNode o = Json.obj();
    o.put("NetworkName", node.options().networkName());
    o.put("BlockDelaySecs", node.options().blockDelaySecs());
    o.put("ConsensusMinerMinPower", "0");
    o.set("SupportedProofTypes", Json.arr().add(venus.market.devnet.chain.Genesis.SEAL_PROOF_8MIB_V1_1));
    o.put("PreCommitChallengeDelay", 1);
    o.set("ForkUpgradeParams", Json.obj());
    o.put("Eip155ChainID", 31415926);
    return o;
  }

  static ObjectNode marketDeal(DealRecord d) {
    DealProposal p = DealProposal.decode(d.proposalCbor());
    ObjectNode prop = Json.obj();
    prop.set("PieceCID", Json.cid(p.pieceCID()));
    prop.put("PieceSize", p.pieceSize());
    prop.put("VerifiedDeal", p.verifiedDeal());
    prop.put("Client", Json.addr(p.client()));
    prop.put("Provider", Json.addr(p.provider()));
    prop.put("Label", label(p.label()));
    prop.put("StartEpoch", p.startEpoch());
    prop.put("EndEpoch", p.endEpoch());
    prop.put("StoragePricePerEpoch", Json.big(p.storagePricePerEpoch().atto()));
    prop.put("ProviderCollateral", Json.big(p.providerCollateral().atto()));
    prop.put("ClientCollateral", Json.big(p.clientCollateral().atto()));
    ObjectNode state = Json.obj();
    state.put("SectorNumber", d.isActive() ? d.sectorNumber() : 0);
    state.put("SectorStartEpoch", d.sectorStartEpoch());
    state.put("LastUpdatedEpoch", d.lastUpdatedEpoch());
    state.put("SlashEpoch", d.slashEpoch());
    ObjectNode o = Json.obj();
    o.set("Proposal", prop);
    o.set("State", state);
    return o;
  }

  private static String label(DealLabel l) {
    return l.jsonString();
  }
}
