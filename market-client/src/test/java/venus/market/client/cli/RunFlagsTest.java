package venus.market.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import venus.market.client.config.ClientConfig;

/** {@code run}'s signer flags end up in config.toml's [Signer] (later starts need no flags). */
class RunFlagsTest {
  private static ClientConfig run(ClientConfig start, String... args) {
    RunCommand cmd = new RunCommand();
    new CommandLine(cmd).parseArgs(args);
    return cmd.overrides(start);
  }

  @Test
  void walletUrlLocalWalletAndNodeWalletSwitchTheSigner() {
    ClientConfig d = ClientConfig.defaults();
    assertThat(run(d).signer().type()).isEqualTo("node");
    ClientConfig w = run(d, "--wallet-url=/ip4/127.0.0.1/tcp/5678/http", "--wallet-token=tok");
    assertThat(w.signer()).isEqualTo(new ClientConfig.Signer("wallet", "/ip4/127.0.0.1/tcp/5678/http", "tok"));
    assertThat(run(w, "--wallet-token=new").signer())
        .isEqualTo(new ClientConfig.Signer("wallet", "/ip4/127.0.0.1/tcp/5678/http", "new"));
    ClientConfig l = run(w, "--local-wallet");
    assertThat(l.signer().type()).isEqualTo("local");
    assertThat(run(l, "--node-wallet").signer().type()).isEqualTo("node");
    assertThat(run(l, "--addr=t1pwtw2c74ugrpqdx7xgwxv6wspqli7vnwby6y2hy").signer().type()).isEqualTo("local");
  }
}
