package venus.market.cli.provider;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import venus.market.cli.VenusMarketCommand;
import venus.market.cli.options.ApiOptions;
import venus.market.cli.options.DaemonClient;
import venus.market.daemon.repo.Repo;

/** Base of every command that only talks to the running daemon over JSON-RPC. */
@picocli.CommandLine.Command(mixinStandardHelpOptions = true)
public abstract class ThinCommand implements Callable<Integer> {
  @Mixin protected ApiOptions api;
  @Spec protected CommandSpec spec;

  @Override
  public final Integer call() throws Exception {
    validate();
    run(api.connect());
    out().flush();
    return 0;
  }

  /** Checks arguments before the daemon is contacted, so a bad flag is a usage error even when it is down. */
  protected void validate() {}

  protected abstract void run(DaemonClient daemon) throws Exception;

  protected PrintWriter out() {
    return spec.commandLine().getOut();
  }

  protected Repo repo() {
    return new Repo(((VenusMarketCommand) spec.root().userObject()).repoPath());
  }
}
