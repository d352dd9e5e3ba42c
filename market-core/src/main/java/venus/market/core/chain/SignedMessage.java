package venus.market.core.chain;

import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;
import venus.market.core.crypto.SigType;
import venus.market.core.crypto.Signature;
import venus.market.core.multiformats.Cid;

/** lotus types.SignedMessage: the tuple {@code [Message, Signature]}. */
public record SignedMessage(UnsignedMessage message, Signature signature) implements CborEncodable {

  public SignedMessage {
    java.util.Objects.requireNonNull(message, "message");
    java.util.Objects.requireNonNull(signature, "signature");
  }

  /**
   * The CID the chain knows this message by: for BLS the unsigned message's CID (blocks aggregate BLS signatures and
   * store only the unsigned message), otherwise the CID of this signed message's CBOR.
   */
  public Cid cid() {
    return signature.type() == SigType.BLS ? message.cid() : ChainCids.ofCbor(toCbor());
  }

  @Override
  public void writeCbor(CborWriter w) {
    w.writeArrayHeader(2).write(message).write(signature);
  }

  public static SignedMessage read(CborReader r) {
    r.readTupleHeader("SignedMessage", 2);
    return new SignedMessage(UnsignedMessage.read(r), Signature.readCbor(r));
  }

  public static SignedMessage fromCbor(byte[] cbor) {
    return CborReader.decode(cbor, SignedMessage::read);
  }
}
