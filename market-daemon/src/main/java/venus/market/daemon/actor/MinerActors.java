package venus.market.daemon.actor;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import venus.market.core.MarketException;
import venus.market.core.address.Address;
import venus.market.core.cbor.CborWriter;
import venus.market.core.miner.ChangeMultiaddrsParams;
import venus.market.core.miner.ChangePeerIDParams;
import venus.market.core.miner.MinerMethods;
import venus.market.daemon.api.ApiJson;
import venus.market.daemon.config.MarketConfig;
import venus.market.daemon.config.StorageMinerConfig;
import venus.market.daemon.node.MessageSender;
import venus.market.daemon.node.NodeClient;
import venus.market.daemon.node.NodeJson;
import venus.market.p2p.multiaddr.Multiaddr;
import venus.market.p2p.peer.PeerId;

/**
 * The miner actors this market serves: the configured list, their on-chain info, and the worker-sent
 * messages that point a miner at this market (ChangeMultiaddrs, ChangePeerID).
 */
public final class MinerActors {
  private final Supplier<MarketConfig> config;
  private final NodeClient node;
  private final MessageSender messages;

  public MinerActors(Supplier<MarketConfig> config, NodeClient node, MessageSender messages) {
    this.config = config;
    this.node = node;
    this.messages = messages;
  }

  public List<ApiJson.User> list() {
    List<ApiJson.User> out = new ArrayList<>();
    for (StorageMinerConfig m : config.get().storageMiners()) {
      out.add(new ApiJson.User(m.addr(), m.account()));
    }
    return out;
  }

  public boolean exists(Address miner) {
    return config.get().miner(miner.toString()).isPresent();
  }

  /** Fails with droplet's message unless the miner is configured here. */
  public void requireConfigured(Address miner) {
    if (!exists(miner)) {
      throw new MarketException("actor [" + miner + "] not found (configured miners: "
          + list().stream().map(ApiJson.User::addr).toList() + "; add it with solo-run --miner)");
    }
  }

  public long sectorSize(Address miner) {
    return node.stateMinerInfo(miner).sectorSize();
  }

  /** The key address (f1/f3) of the miner's worker, which signs asks and deal responses. */
  public Address workerKey(Address miner) {
    return node.stateAccountKey(Address.parse(node.stateMinerInfo(miner).worker()));
  }

  public ApiJson.MinerOnChain info(Address miner) {
    NodeJson.MinerInfo mi = node.stateMinerInfo(miner);
    List<String> addrs = new ArrayList<>();
    for (String b64 : mi.multiaddrs()) {
      addrs.add(Multiaddr.fromBytes(Base64.getDecoder().decode(b64)).toString());
    }
    return new ApiJson.MinerOnChain(miner.toString(), mi.peerId(), addrs, mi.owner(), mi.worker(), mi.sectorSize());
  }

  /** ChangeMultiaddrs (miner method 18) from the worker; returns the message CID. */
  public String setAddrs(Address miner, List<String> multiaddrs, long gasLimit) {
    requireConfigured(miner);
    List<byte[]> bytes = new ArrayList<>();
    for (String a : multiaddrs) {
      bytes.add(Multiaddr.parse(a).bytes());
    }
    byte[] params = CborWriter.encode(new ChangeMultiaddrsParams(bytes));
    return send(miner, MinerMethods.CHANGE_MULTIADDRS, params, gasLimit);
  }

  /** ChangePeerID (miner method 4) from the worker; returns the message CID. */
  public String setPeerId(Address miner, String peerId, long gasLimit) {
    requireConfigured(miner);
    byte[] params = CborWriter.encode(new ChangePeerIDParams(PeerId.parse(peerId).bytes()));
    return send(miner, MinerMethods.CHANGE_PEER_ID, params, gasLimit);
  }

  private String send(Address miner, long method, byte[] params, long gasLimit) {
    Address worker = Address.parse(node.stateMinerInfo(miner).worker());
    return messages.push(worker, miner, method, params, gasLimit, BigInteger.ZERO);
  }
}
