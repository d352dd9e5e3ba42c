package venus.market.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import venus.market.core.MarketException;
import venus.market.core.jsonrpc.RpcPermissionException;
import venus.market.core.jsonrpc.RpcRemoteException;
import venus.market.core.jsonrpc.RpcTransportException;
import venus.market.core.jsonrpc.RpcUnauthorizedException;
import venus.market.daemon.config.ConfigException;

/**
 * The one place that turns failures into an exit code and a one-line message on stderr
 * ("venus-market: &lt;reason&gt;"). The stack trace is printed only with {@code --verbose}.
 *
 * <p>Exit codes: 0 ok, 1 the command failed (including errors returned by the daemon), 2 bad usage,
 * 3 the daemon could not be reached, 4 permission denied (token missing, invalid or too weak).
 */
public final class CliFailures
    implements IExecutionExceptionHandler, IParameterExceptionHandler, IExitCodeExceptionMapper {
  public static final int FAILED = 1;
  public static final int USAGE = 2;
  public static final int UNREACHABLE = 3;
  public static final int DENIED = 4;

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    err.println("venus-market: " + message(ex));
    if (verbose(cmd)) {
      ex.printStackTrace(err);
    }
    err.flush();
    return getExitCode(ex);
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("venus-market: " + ex.getMessage());
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    return USAGE;
  }

  @Override
  public int getExitCode(Throwable ex) {
    if (ex instanceof ParameterException || ex instanceof UsageException) {
      return USAGE;
    }
    if (ex instanceof RpcUnauthorizedException || ex instanceof RpcPermissionException) {
      return DENIED;
    }
    if (ex instanceof RpcTransportException || ex instanceof DaemonNotRunningException) {
      return UNREACHABLE;
    }
    return FAILED;
  }

  static String message(Throwable ex) {
    if (ex instanceof RpcPermissionException) {
      return "permission denied: " + ex.getMessage() + " (use an API token with that permission, e.g. <repo>/token)";
    }
    if (ex instanceof RpcUnauthorizedException) {
      return "permission denied: " + ex.getMessage();
    }
    if (ex instanceof RpcTransportException) {
      return "cannot reach the venus-market daemon: " + ex.getMessage()
          + " (is `venus-market solo-run` running?)";
    }
    if (ex instanceof RpcRemoteException) {
      return "daemon error: " + ex.getMessage();
    }
    if (ex instanceof MarketException || ex instanceof ConfigException || ex instanceof CliException) {
      return ex.getMessage();
    }
    String m = ex.getMessage();
    return ex.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  private static boolean verbose(CommandLine cmd) {
    Object root = cmd.getCommandSpec().root().userObject();
    return root instanceof VenusMarketCommand v && v.verbose();
  }

  /** A failure the command reports to the operator as is (exit code 1). */
  public static class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CliException(String message) {
      super(message);
    }
  }

  /** Bad arguments found after parsing (exit code 2). */
  public static final class UsageException extends CliException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
      super(message);
    }
  }

  /** No api file / no address: the daemon was never started with this repo (exit code 3). */
  public static final class DaemonNotRunningException extends CliException {
    private static final long serialVersionUID = 1L;

    public DaemonNotRunningException(String message) {
      super(message);
    }
  }
}
