package venus.market.devnet.vm;

import venus.market.devnet.DevnetException;

/** An actor aborted with an exit code; the message's state changes are rolled back. */
public final class ActorError extends DevnetException {
  private final int exitCode;

  public ActorError(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }

  public static ActorError illegalArgument(String message) {
    return new ActorError(ExitCode.USR_ILLEGAL_ARGUMENT, message);
  }

  public static ActorError forbidden(String message) {
    return new ActorError(ExitCode.USR_FORBIDDEN, message);
  }

  public static ActorError notFound(String message) {
    return new ActorError(ExitCode.USR_NOT_FOUND, message);
  }

  public static ActorError insufficientFunds(String message) {
    return new ActorError(ExitCode.USR_INSUFFICIENT_FUNDS, message);
  }

  public static ActorError serialization(String message) {
    return new ActorError(ExitCode.USR_SERIALIZATION, message);
  }
}
