package venus.market.core.car;

/** A CARv2 index that is malformed or disagrees with the data it indexes. */
public class CarIndexException extends CarException {

  public CarIndexException(String message) {
    super(message);
  }
}
