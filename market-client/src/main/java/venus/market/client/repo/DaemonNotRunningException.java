package venus.market.client.repo;

import java.nio.file.Path;
import venus.market.core.MarketException;

/** A command needs the client daemon, but the repo has no api/token files (it is not running there). */
public class DaemonNotRunningException extends MarketException {

  public DaemonNotRunningException(Path repo) {
    super("the market-client daemon is not running for repo " + repo
        + " (no api file); start it with 'market-client run --node-url=... --auth-token=... --addr=...'");
  }
}
