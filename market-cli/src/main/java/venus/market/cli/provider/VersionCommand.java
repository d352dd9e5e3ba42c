package venus.market.cli.provider;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import venus.market.cli.options.ApiOptions;
import venus.market.cli.options.OutputOptions;
import venus.market.daemon.DaemonVersion;
import venus.market.daemon.api.ApiJson;
import venus.market.daemon.api.MarketApi;

/** {@code venus-market version}: this binary's version, and the daemon's with {@code --daemon}. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Print the version (of the CLI, and of the daemon with --daemon).")
public final class VersionCommand implements Callable<Integer> {
  @Option(names = "--daemon", description = "also ask the running daemon for its version")
  boolean daemon;

  @Mixin ApiOptions api;
  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    ApiJson.Version local = new ApiJson.Version(DaemonVersion.VERSION, DaemonVersion.API_VERSION);
    ApiJson.Version remote = daemon ? api.connect().call(MarketApi.VERSION, ApiJson.Version.class) : null;
    if (output.json()) {
      OutputOptions.printJson(out, remote == null ? local : java.util.Map.of("cli", local, "daemon", remote));
      return 0;
    }
    out.println("venus-market " + local.version());
    if (remote != null) {
      out.println("daemon " + remote.version() + " (API " + remote.apiVersion() + ")");
    }
    out.flush();
    return 0;
  }

  /** Feeds {@code --version}. */
  public static final class Provider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"venus-market " + DaemonVersion.VERSION};
    }
  }
}
