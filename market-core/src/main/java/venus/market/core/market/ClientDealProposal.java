package venus.market.core.market;

import java.util.Objects;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;
import venus.market.core.crypto.Signature;
import venus.market.core.multiformats.Cid;
import venus.market.core.multiformats.Multicodec;
import venus.market.core.multiformats.Multihash;

/**
 * market.ClientDealProposal: tuple {@code [Proposal, ClientSignature]}; the signature is the client's over {@link
 * DealProposal#signingBytes()}.
 */
public record ClientDealProposal(DealProposal proposal, Signature clientSignature) implements CborEncodable {

  public ClientDealProposal {
    Objects.requireNonNull(proposal, "proposal");
    Objects.requireNonNull(clientSignature, "clientSignature");
  }

  @Override
  public void writeCbor(CborWriter w) {
    w.writeArrayHeader(2);
    proposal.writeCbor(w);
    Fields.writeSignature(w, clientSignature);
  }

  public static ClientDealProposal read(CborReader r) {
    r.readTupleHeader("ClientDealProposal", 2);
    return new ClientDealProposal(DealProposal.read(r), Fields.readSignature(r));
  }

  public static ClientDealProposal decode(byte[] cbor) {
    return CborReader.decode(cbor, ClientDealProposal::read);
  }

  /**
   * The "proposal CID" that go-fil-markets, droplet and boost ({@code SignedProposalCid}) key deals by: CIDv1,
   * dag-cbor, <b>sha2-256</b> of this tuple's CBOR (bafyrei…). go-cbor-util's AsIpld uses go-ipld-cbor's default
   * hash, SHA2-256 — unlike {@link DealProposal#cid()}, which is blake2b.
   */
  public Cid proposalCid() {
    return Cid.v1(Multicodec.DAG_CBOR, Multihash.sha256(toCbor()));
  }
}
