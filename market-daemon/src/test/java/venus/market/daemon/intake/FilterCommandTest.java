package venus.market.daemon.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import venus.market.core.address.Address;
import venus.market.core.amount.TokenAmount;
import venus.market.core.crypto.SigType;
import venus.market.core.crypto.Signature;
import venus.market.core.json.LotusJson;
import venus.market.core.market.ClientDealProposal;
import venus.market.core.market.DealLabel;
import venus.market.core.market.DealProposal;
import venus.market.core.piece.PieceCid;
import venus.market.daemon.deals.DealTransfer;
import venus.market.daemon.deals.ProviderDeal;
import org.junit.jupiter.api.Test;

/** The operator's Filter command: exit code decides, output is the reason, a hung command is killed. */
class FilterCommandTest {
  static ProviderDeal deal() {
    DealProposal p = new DealProposal(PieceCid.v1(new byte[32]), 2048, false, Address.newId(1001), Address.newId(1000),
        DealLabel.ofString("x"), 10, 20, TokenAmount.ZERO, TokenAmount.ZERO, TokenAmount.ZERO);
    return ProviderDeal.builder(new ClientDealProposal(p, Signature.of(SigType.SECP256K1, new byte[65])),
        Instant.EPOCH).transfer(new DealTransfer("http", "{\"Headers\":{\"Authorization\":\"Bearer hush\"}}", 5))
        .build();
  }

  final FilterCommand filter = new FilterCommand(LotusJson.mapper(), Duration.ofSeconds(60));

  @Test
  void exitZeroAccepts() {
    assertThatCode(() -> filter.check("cat > /dev/null; exit 0", deal())).doesNotThrowAnyException();
  }

  @Test
  void theDealArrivesAsJsonWithItsTypeAndWithoutTransferSecrets() {
    // the filter echoes what it got and fails, so the test sees the input
    assertThatThrownBy(() -> filter.check("cat; exit 1", deal()))
        .isInstanceOf(DealRejectedException.class)
        .hasMessageContaining("\"DealType\" : \"storage\"")
        .hasMessageContaining("\"ProposalCid\"")
        .hasMessageNotContaining("hush");
  }

  @Test
  void aNonZeroExitRejectsWithStdoutAndStderr() {
    assertThatThrownBy(() -> filter.check("echo out; echo err >&2; exit 7", deal()))
        .isInstanceOf(DealRejectedException.class).hasMessage("out\nerr\n");
  }

  @Test
  void aCommandThatNeverReadsItsInputStillDecides() {
    assertThatCode(() -> filter.check("exit 0", deal())).doesNotThrowAnyException();
  }

  @Test
  void outputIsBounded() {
    assertThatThrownBy(() -> filter.check("yes reject | head -c 100000; exit 1", deal()))
        .satisfies(e -> assertThat(e.getMessage()).hasSize(FilterCommand.MAX_OUTPUT));
  }

  @Test
  void aHungCommandIsKilledAndTheDealRejected() {
    FilterCommand quick = new FilterCommand(LotusJson.mapper(), Duration.ofMillis(300));
    assertThatThrownBy(() -> quick.check("sleep 30", deal())).isInstanceOf(DealRejectedException.class)
        .hasMessage("deal filter timed out after 0s");
  }
}
