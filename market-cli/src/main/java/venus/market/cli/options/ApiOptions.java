package venus.market.cli.options;

import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import venus.market.cli.CliFailures.DaemonNotRunningException;
import venus.market.cli.VenusMarketCommand;
import venus.market.core.jsonrpc.ApiInfo;
import venus.market.core.jsonrpc.RpcUrlClient;
import venus.market.daemon.repo.Repo;

/**
 * How a thin command finds the daemon: {@code --api-url}/{@code --token}, else {@code MARKET_API_INFO}
 * ("token:multiaddr"), else the {@code api} and {@code token} files the daemon writes into its repo.
 */
public final class ApiOptions {
  public static final String ENV = "MARKET_API_INFO";

  @Option(names = "--api-url", paramLabel = "<multiaddr|url>",
      description = "daemon API address (default: $MARKET_API_INFO or <repo>/api)")
  String apiUrl;

  @Option(names = "--token", paramLabel = "<jwt>", description = "API token (default: <repo>/token)")
  String token;

  @Option(names = "--timeout", paramLabel = "<seconds>", defaultValue = "60",
      description = "seconds to wait for the daemon's reply (default: ${DEFAULT-VALUE})")
  long timeoutSeconds;

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  /**
   * Opens an HTTP JSON-RPC client to the daemon's /rpc/v0 endpoint (over HttpURLConnection, which starts far
   * faster than java.net.http in a one-shot process).
   */
  public DaemonClient connect() {
    ApiInfo info = resolve();
    return new DaemonClient(RpcUrlClient.of(info, "v0", DaemonClient.mapper(), Duration.ofSeconds(timeoutSeconds)));
  }

  /**
   * Like {@link #connect()} for a call that legitimately runs for minutes (import-data of a 32 GiB CAR): waits up
   * to {@code longDefault} unless {@code --timeout} was given.
   */
  public DaemonClient connect(Duration longDefault) {
    boolean given = mixee.commandLine() != null && mixee.commandLine().getParseResult() != null
        && mixee.commandLine().getParseResult().hasMatchedOption("--timeout");
    Duration timeout = given ? Duration.ofSeconds(timeoutSeconds) : longDefault;
    return new DaemonClient(RpcUrlClient.of(resolve(), "v0", DaemonClient.mapper(), timeout));
  }

  /** The --api-url given, else {@code fallback}. */
  public String apiUrlOr(String fallback) {
    return apiUrl != null ? apiUrl : fallback;
  }

  ApiInfo resolve() {
    Repo repo = new Repo(((VenusMarketCommand) mixee.root().userObject()).repoPath());
    if (apiUrl != null) {
      return new ApiInfo(token != null ? token : repo.readToken().orElse(null), apiUrl);
    }
    String env = System.getenv(ENV);
    if (env != null && !env.isBlank()) {
      ApiInfo info = ApiInfo.parse(env);
      return token != null ? new ApiInfo(token, info.address()) : info;
    }
    String addr = repo.readApi().orElseThrow(() -> new DaemonNotRunningException(
        "the venus-market daemon is not running: no API address in " + repo.apiFile()
            + " (start `venus-market solo-run`, or pass --api-url / set " + ENV + ")"));
    return new ApiInfo(token != null ? token : repo.readToken().orElse(null), addr);
  }
}
