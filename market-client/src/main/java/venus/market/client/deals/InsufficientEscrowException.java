package venus.market.client.deals;

/** The client's market escrow cannot cover the deal; the message suggests the actor-funds command. */
public class InsufficientEscrowException extends DealRejectedException {

  public InsufficientEscrowException(String message) {
    super(message);
  }
}
