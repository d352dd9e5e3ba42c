package venus.market.daemon.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole daemon configuration ({@code <repo>/config.toml}), immutable. Changes produce copies via the
 * {@code with*} methods; the loader, the flag overrides and the API setters all go through them.
 *
 * @param policy the global deal policy (top-level keys); each miner may override it
 * @param transferPath directory for incoming CARs and import temp files ("" = repo)
 * @param storageMiners the miners this market serves
 */
public record MarketConfig(
    DealPolicy policy,
    TransferLimits transfers,
    String transferPath,
    ApiConfig api,
    Libp2pConfig libp2p,
    EndpointConfig node,
    EndpointConfig messager,
    SignerConfig signer,
    EndpointConfig authNode,
    PieceStorageConfig pieceStorage,
    List<StorageMinerConfig> storageMiners,
    PaymentAddressConfig retrievalPaymentAddress) {

  public MarketConfig {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(transfers, "transfers");
    Objects.requireNonNull(transferPath, "transferPath");
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(libp2p, "libp2p");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(messager, "messager");
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(authNode, "authNode");
    Objects.requireNonNull(pieceStorage, "pieceStorage");
    storageMiners = List.copyOf(storageMiners);
    Objects.requireNonNull(retrievalPaymentAddress, "retrievalPaymentAddress");
  }

  /**
   * Data-transfer limits (top-level keys).
   *
   * @param maxStagingDealsBytes boost's MaxStagingDealsBytes: the most bytes online deals may hold in the staging
   *     directory at once (declared transfer sizes); 0 = bounded only by the disk's free space
   */
  public record TransferLimits(int forStorage, int forStoragePerClient, int forRetrieval, long maxStagingDealsBytes) {
    public TransferLimits {
      if (maxStagingDealsBytes < 0) {
        throw new IllegalArgumentException("MaxStagingDealsBytes " + maxStagingDealsBytes + " < 0");
      }
    }

    public TransferLimits(int forStorage, int forStoragePerClient, int forRetrieval) {
      this(forStorage, forStoragePerClient, forRetrieval, 0);
    }

    public static TransferLimits defaults() {
      return new TransferLimits(20, 20, 20, 0);
    }
  }

  public MarketConfig withTransfers(TransferLimits t) {
    return new MarketConfig(policy, t, transferPath, api, libp2p, node, messager, signer, authNode,
        pieceStorage, storageMiners, retrievalPaymentAddress);
  }

  public MarketConfig withTransferPath(String path) {
    return new MarketConfig(policy, transfers, path, api, libp2p, node, messager, signer, authNode,
        pieceStorage, storageMiners, retrievalPaymentAddress);
  }

  /** {@code [RetrievalPaymentAddress]}: where retrieval payments go. */
  public record PaymentAddressConfig(String addr, String account) {
    public PaymentAddressConfig {
      Objects.requireNonNull(addr, "addr");
      Objects.requireNonNull(account, "account");
    }

    public static PaymentAddressConfig none() {
      return new PaymentAddressConfig("", "");
    }
  }

  public static MarketConfig defaults() {
    return new MarketConfig(DealPolicy.defaults(), TransferLimits.defaults(), "", ApiConfig.defaults(),
        Libp2pConfig.defaults(), EndpointConfig.none(), EndpointConfig.none(), SignerConfig.none(),
        EndpointConfig.none(), PieceStorageConfig.none(), List.of(), PaymentAddressConfig.none());
  }

  /** The miner entry for an address, comparing the actor id ("t01000" equals "f01000"). */
  public Optional<StorageMinerConfig> miner(String addr) {
    return storageMiners.stream().filter(m -> sameAddress(m.addr(), addr)).findFirst();
  }

  /** The policy for one miner (its overrides applied), or the global policy for unknown miners. */
  public DealPolicy policyFor(String minerAddr) {
    return miner(minerAddr).map(StorageMinerConfig::policy).orElse(policy);
  }

  static boolean sameAddress(String a, String b) {
    return a.length() > 1 && b.length() > 1 && a.substring(1).equals(b.substring(1));
  }

  public MarketConfig withPolicy(DealPolicy p) {
    List<StorageMinerConfig> miners = new ArrayList<>();
    for (StorageMinerConfig m : storageMiners) {
      miners.add(m.rebase(p));
    }
    return new MarketConfig(p, transfers, transferPath, api, libp2p, node, messager, signer, authNode,
        pieceStorage, miners, retrievalPaymentAddress);
  }

  public MarketConfig withApi(ApiConfig a) {
    return new MarketConfig(policy, transfers, transferPath, a, libp2p, node, messager, signer, authNode,
        pieceStorage, storageMiners, retrievalPaymentAddress);
  }

  public MarketConfig withLibp2p(Libp2pConfig l) {
    return new MarketConfig(policy, transfers, transferPath, api, l, node, messager, signer, authNode,
        pieceStorage, storageMiners, retrievalPaymentAddress);
  }

  public MarketConfig withNode(EndpointConfig n) {
    return new MarketConfig(policy, transfers, transferPath, api, libp2p, n, messager, signer, authNode,
        pieceStorage, storageMiners, retrievalPaymentAddress);
  }

  public MarketConfig withMessager(EndpointConfig m) {
    return new MarketConfig(policy, transfers, transferPath, api, libp2p, node, m, signer, authNode,
        pieceStorage, storageMiners, retrievalPaymentAddress);
  }

  public MarketConfig withSigner(SignerConfig s) {
    return new MarketConfig(policy, transfers, transferPath, api, libp2p, node, messager, s, authNode,
        pieceStorage, storageMiners, retrievalPaymentAddress);
  }

  public MarketConfig withPieceStorage(PieceStorageConfig ps) {
    return new MarketConfig(policy, transfers, transferPath, api, libp2p, node, messager, signer, authNode,
        ps, storageMiners, retrievalPaymentAddress);
  }

  public MarketConfig withStorageMiners(List<StorageMinerConfig> miners) {
    return new MarketConfig(policy, transfers, transferPath, api, libp2p, node, messager, signer, authNode,
        pieceStorage, miners, retrievalPaymentAddress);
  }

  public MarketConfig withRetrievalPaymentAddress(PaymentAddressConfig p) {
    return new MarketConfig(policy, transfers, transferPath, api, libp2p, node, messager, signer, authNode,
        pieceStorage, storageMiners, p);
  }

  /** Adds a miner, or replaces the account of an already configured one (no duplicates on restart). */
  public MarketConfig withMiner(String addr, String account) {
    List<StorageMinerConfig> miners = new ArrayList<>();
    boolean found = false;
    for (StorageMinerConfig m : storageMiners) {
      if (sameAddress(m.addr(), addr)) {
        found = true;
        miners.add(new StorageMinerConfig(m.addr(), account, m.policy(), m.overrides()));
      } else {
        miners.add(m);
      }
    }
    if (!found) {
      miners.add(StorageMinerConfig.of(addr, account, policy));
    }
    return withStorageMiners(miners);
  }
}
