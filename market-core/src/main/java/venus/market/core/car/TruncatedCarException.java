package venus.market.core.car;

/** The CAR ends in the middle of a header, a section or an index. */
public class TruncatedCarException extends CarException {

  public TruncatedCarException(String message) {
    super(message);
  }
}
