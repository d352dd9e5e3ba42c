package venus.market.reliability;

import java.nio.file.Path;
import java.util.function.BiConsumer;
import venus.market.core.chain.SignedMessage;
import venus.market.devnet.Devnet;
import venus.market.devnet.DevnetOptions;
import venus.market.devnet.chain.MessageRecord;
import venus.market.devnet.chain.TipsetRecord;

/** Walks every message the (stopped) devnet's chain executed, oldest first: what the chain audits read. */
final class ExecutedMessages {
  private ExecutedMessages() {
  }

  /** Calls {@code each} with every executed message and its record (height, receipt); returns the head height. */
  static long forEach(Path devnetRepo, BiConsumer<SignedMessage, MessageRecord> each) {
    try (Devnet d = Devnet.start(devnetRepo, DevnetOptions.forTests())) {
      long head = d.chain().head().height();
      for (long h = 0; h <= head; h++) {
        TipsetRecord ts = d.chain().tipsetAt(h).orElse(null);
        if (ts == null) {
          continue;
        }
        for (byte[] mc : ts.messageCids()) {
          MessageRecord rec = d.chain().message(mc).orElseThrow();
          each.accept(SignedMessage.fromCbor(rec.signedCbor()), rec);
        }
      }
      return head;
    }
  }
}
