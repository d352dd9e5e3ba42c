package venus.market.devnet.vm;

/** Filecoin exit codes (go-state-types exitcode / fvm_shared ExitCode) the devnet produces. */
public final class ExitCode {
  private ExitCode() {}

  public static final int OK = 0;
  public static final int SYS_SENDER_INVALID = 1;
  public static final int SYS_SENDER_STATE_INVALID = 2;
  public static final int SYS_INVALID_METHOD = 3;
  public static final int SYS_INVALID_RECEIVER = 5;
  public static final int SYS_INSUFFICIENT_FUNDS = 6;
  public static final int SYS_OUT_OF_GAS = 7;
  public static final int USR_ILLEGAL_ARGUMENT = 16;
  public static final int USR_NOT_FOUND = 17;
  public static final int USR_FORBIDDEN = 18;
  public static final int USR_INSUFFICIENT_FUNDS = 19;
  public static final int USR_ILLEGAL_STATE = 20;
  public static final int USR_SERIALIZATION = 21;
  public static final int USR_UNHANDLED_MESSAGE = 22;
}
