package venus.market.devnet.chain;

import java.nio.ByteBuffer;
import venus.market.core.address.Address;
import venus.market.core.cbor.CborWriter;
import venus.market.core.crypto.Blake2b;
import venus.market.core.multiformats.Cid;
import venus.market.core.chain.ChainCids;

/**
 * Lotus BlockHeader CBOR (a 16-field tuple: Miner, Ticket, ElectionProof, BeaconEntries,
 * WinPoStProof, Parents, ParentWeight, Height, ParentStateRoot, ParentMessageReceipts, Messages,
 * BLSAggregate, Timestamp, BlockSig, ForkSignaling, ParentBaseFee). The ticket and election proof
 * carry a deterministic 32-byte blake2b of the height instead of a VRF output; there are no beacon
 * entries, no PoSt proofs and no signatures (null), which a dev chain without consensus does not need.
 */
public final class CborHeaderCodec implements HeaderCodec {
  static final int FIELDS = 16;

  /** The placeholder VRF output of a height (ticket and election proof). */
  public static byte[] vrfOf(long height) {
    return Blake2b.sum256(ByteBuffer.allocate(16).put("devnet-v".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putLong(height).array());
  }

  @Override
  public byte[] encode(BlockFields h) {
    CborWriter w = new CborWriter();
    w.writeArrayHeader(FIELDS);
    w.writeBytes(Address.newId(h.minerId()).bytes());
    w.writeArrayHeader(1).writeBytes(vrfOf(h.height()));
    w.writeArrayHeader(2).writeInt64(1).writeBytes(vrfOf(h.height()));
    w.writeArrayHeader(0);
    w.writeArrayHeader(0);
    w.writeArrayHeader(h.parents().size());
    h.parents().forEach(p -> w.writeCid(Cid.decode(p)));
    w.writeBigInt(h.parentWeight());
    w.writeInt64(h.height());
    w.writeCid(Cid.decode(h.parentStateRoot()));
    w.writeCid(Cid.decode(h.parentMessageReceipts()));
    w.writeCid(Cid.decode(h.messages()));
    w.writeNull();
    w.writeUint64(h.timestamp());
    w.writeNull();
    w.writeUint64(0);
    w.writeBigInt(h.parentBaseFee());
    return w.toByteArray();
  }

  @Override
  public byte[] cidOf(byte[] cbor) {
    return dagCborCid(cbor).bytes();
  }

  public static Cid dagCborCid(byte[] cbor) {
    return ChainCids.ofCbor(cbor);
  }
}
