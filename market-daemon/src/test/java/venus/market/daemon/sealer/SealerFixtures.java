package venus.market.daemon.sealer;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import venus.market.core.address.Address;
import venus.market.core.amount.TokenAmount;
import venus.market.core.crypto.SigType;
import venus.market.core.crypto.Signature;
import venus.market.core.market.ClientDealProposal;
import venus.market.core.market.DealLabel;
import venus.market.core.market.DealProposal;
import venus.market.core.multiformats.Cid;
import venus.market.core.piece.PieceCid;
import venus.market.daemon.deals.DealStateMachine;
import venus.market.daemon.deals.ProviderDeal;
import venus.market.daemon.deals.ProviderEvent;

/** Deals walked through the real state machine to AwaitingPreCommit (as hand-off leaves them), without a chain. */
public final class SealerFixtures {
  public static final Address MINER = Address.newId(1000);

  private SealerFixtures() {}

  /** A proposal of piece {@code n} with padded size {@code size}, starting at {@code start}, for {@code miner}. */
  public static ClientDealProposal proposal(int n, long size, long start, Address miner, long price) {
    byte[] commP = new byte[32];
    Arrays.fill(commP, (byte) n);
    commP[0] = (byte) (n >> 8);
    commP[31] &= 0x3f;
    Cid piece = PieceCid.v1(commP);
    DealProposal p = new DealProposal(piece, size, false, Address.newId(2000 + n), miner,
        DealLabel.ofString("deal-" + n), start, start + 518_400, TokenAmount.ofAtto(price), TokenAmount.ZERO,
        TokenAmount.ZERO);
    byte[] sig = new byte[65];
    Arrays.fill(sig, (byte) (n + 1));
    return new ClientDealProposal(p, Signature.of(SigType.SECP256K1, sig));
  }

  /** Opens the deal and moves it to AwaitingPreCommit with on-chain ID {@code dealId}. */
  public static ProviderDeal handedOff(DealStateMachine m, ClientDealProposal p, long dealId) {
    Cid c = m.open(ProviderDeal.received(p, Instant.now()), "test").proposalCid();
    for (ProviderEvent e : new ProviderEvent[] {ProviderEvent.DEAL_DECIDING, ProviderEvent.DATA_REQUESTED,
        ProviderEvent.VERIFIED_DATA, ProviderEvent.FUNDED, ProviderEvent.DEAL_PUBLISH_INITIATED}) {
      m.apply(c, e, "test");
    }
    m.apply(c, ProviderEvent.DEAL_PUBLISHED, "test", d -> d.toBuilder().dealId(dealId)
        .publishCid(PieceCid.v1(new byte[32])).payloadSize(p.proposal().pieceSize() / 2).build());
    return m.apply(c, ProviderEvent.DEAL_HANDED_OFF, "test",
        d -> d.toBuilder().pieceStatus(ProviderDeal.PIECE_UNDEFINED).build());
  }

  static BigInteger atto(long v) {
    return BigInteger.valueOf(v);
  }
}
