package venus.market.core.storagemarket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Names and codes of go-fil-markets storagemarket/dealstatus.go (iota order), printed verbatim by the CLIs. */
class StorageDealStatusTest {

  private static final List<String> GO_NAMES = List.of("StorageDealUnknown", "StorageDealProposalNotFound",
      "StorageDealProposalRejected", "StorageDealProposalAccepted", "StorageDealStaged", "StorageDealSealing",
      "StorageDealFinalizing", "StorageDealActive", "StorageDealExpired", "StorageDealSlashed",
      "StorageDealRejecting", "StorageDealFailing", "StorageDealFundsReserved", "StorageDealCheckForAcceptance",
      "StorageDealValidating", "StorageDealAcceptWait", "StorageDealStartDataTransfer", "StorageDealTransferring",
      "StorageDealWaitingForData", "StorageDealVerifyData", "StorageDealReserveProviderFunds",
      "StorageDealReserveClientFunds", "StorageDealProviderFunding", "StorageDealClientFunding",
      "StorageDealPublish", "StorageDealPublishing", "StorageDealError", "StorageDealProviderTransferAwaitRestart",
      "StorageDealClientTransferRestart", "StorageDealAwaitingPreCommit", "StorageDealTransferQueued");

  @Test
  void codesAndNamesMatchGo() {
    assertThat(StorageDealStatus.values()).hasSize(GO_NAMES.size());
    for (int code = 0; code < GO_NAMES.size(); code++) {
      StorageDealStatus s = StorageDealStatus.fromCode(code).orElseThrow();
      assertThat(s.code()).isEqualTo(code);
      assertThat(s.goName()).isEqualTo(GO_NAMES.get(code));
      assertThat(StorageDealStatus.fromGoName(GO_NAMES.get(code))).contains(s);
    }
    assertThat(StorageDealStatus.WAITING_FOR_DATA.code()).isEqualTo(18);
    assertThat(StorageDealStatus.FAILING.code()).isEqualTo(11);
    assertThat(StorageDealStatus.ERROR.code()).isEqualTo(26);
    assertThat(StorageDealStatus.fromCode(31)).isEmpty();
    assertThat(StorageDealStatus.fromCode(-1)).isEmpty();
    assertThat(StorageDealStatus.nameOf(99)).isEmpty();
  }
}
