package venus.market.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The launcher's training run exercises the thin commands end to end, not just their error path. */
class CdsTrainingTest {
  @Test
  void cannedResponderAnswersTheTrainedCommands() throws Exception {
    Map<String, Integer> exits = CdsTraining.run();
    assertThat(exits).containsEntry("storage-deals list", 0)
        .containsEntry("storage-deals list --json", 0)
        .containsEntry("storage-deals list -v", 0)
        .containsEntry("net listen", 0)
        .containsEntry("version --daemon", 0)
        .containsEntry("--help", 0)
        .containsEntry("storage-deals lsit", CliFailures.USAGE);
  }
}
