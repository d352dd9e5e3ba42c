package venus.market.client.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import venus.market.client.net.CborFrames;
import venus.market.core.address.Address;
import venus.market.core.amount.TokenAmount;
import venus.market.core.storagemarket.AskRequest;
import venus.market.core.storagemarket.AskResponse;
import venus.market.core.storagemarket.BoostDealStatus;
import venus.market.core.storagemarket.BoostDealStatusRequest;
import venus.market.core.storagemarket.BoostDealStatusResponse;
import venus.market.core.storagemarket.DealParams;
import venus.market.core.storagemarket.DealResponse;
import venus.market.core.storagemarket.SignedStorageAsk;
import venus.market.core.storagemarket.StorageAsk;
import venus.market.core.wallet.SignatureVerifier;
import venus.market.devnet.Devnet;
import venus.market.p2p.P2pStream;
import venus.market.p2p.crypto.Ed25519;
import venus.market.p2p.host.Host;
import venus.market.p2p.host.HostConfig;
import venus.market.p2p.multiaddr.Multiaddr;

/**
 * A minimal provider speaking the client's three protocols with core's codecs only: it serves an ask signed by the
 * devnet worker key, decodes mk/1.2.0 DealParams, verifies the client signature, pulls online data from the URL and
 * headers in the transfer params (with a Range request for the second half, as a resuming provider does), and answers
 * status/1.2.0 after checking the client's signature over the deal UUID. It lets the client be tested on its own;
 * the end-to-end tests use the real provider daemon.
 */
final class StandInProvider implements AutoCloseable {
  final Host host;
  final List<DealParams> received = new CopyOnWriteArrayList<>();
  final List<byte[]> downloaded = new CopyOnWriteArrayList<>();
  volatile String providerState = "StorageDealWaitingForData";
  /** How many proposals to read and then drop without an answer (a provider that crashed mid-request). */
  final java.util.concurrent.atomic.AtomicInteger dropProposals = new java.util.concurrent.atomic.AtomicInteger();

  StandInProvider(Devnet devnet, Address miner) throws IOException {
    host = new Host(HostConfig.defaults(Ed25519.generate()).withListenAddrs(List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/0"))));
    host.start();
    Address worker = devnet.account("worker");
    StorageAsk ask = new StorageAsk(TokenAmount.parse("0.02fil"), TokenAmount.parse("0.01fil"), 512, 8 << 20, miner,
        devnet.chain().head().height(), 1_000_000, 0);
    SignedStorageAsk signed = new SignedStorageAsk(ask, devnet.wallet().sign(worker, ask.signingBytes()));
    host.setStreamHandler("/fil/storage/ask/1.1.0", s -> {
      AskRequest.decode(CborFrames.readItem(s.in(), 4096));
      reply(s, new AskResponse(signed).toCbor());
    });
    host.setStreamHandler("/fil/storage/mk/1.2.0", s -> {
      DealParams p = DealParams.decode(CborFrames.readItem(s.in(), 1 << 16));
      received.add(p);
      if (dropProposals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        s.reset();
        return;
      }
      var cdp = p.clientDealProposal();
      boolean sigOk = SignatureVerifier.verify(cdp.clientSignature(), cdp.proposal().client(),
          cdp.proposal().signingBytes());
      String why = sigOk ? "" : "bad client signature";
      if (sigOk && !p.isOffline()) {
        try {
          downloaded.add(pull(p));
        } catch (IOException e) {
          why = "transfer failed: " + e.getMessage();
        }
      }
      reply(s, new DealResponse(why.isEmpty(), why).toCbor());
    });
    host.setStreamHandler("/fil/storage/status/1.2.0", s -> {
      BoostDealStatusRequest r = BoostDealStatusRequest.decode(CborFrames.readItem(s.in(), 4096));
      DealParams p = received.stream().filter(d -> d.dealUUID().equals(r.dealUUID())).findFirst().orElse(null);
      BoostDealStatusResponse resp;
      if (p == null || !SignatureVerifier.verify(r.signature(), p.clientDealProposal().proposal().client(),
          BoostDealStatusRequest.signingBytes(r.dealUUID()))) {
        resp = new BoostDealStatusResponse(r.dealUUID(), "deal not found", null, false, 0, 0);
      } else {
        resp = new BoostDealStatusResponse(r.dealUUID(), "", new BoostDealStatus("", "Accepted", providerState,
            p.clientDealProposal().proposal(), p.clientDealProposal().proposalCid(), null, 0), p.isOffline(),
            p.transfer().size(), 0);
      }
      reply(s, resp.toCbor());
    });
  }

  String peerId() {
    return host.peerId().toString();
  }

  String addr() {
    return host.listenAddrs().get(0).toString();
  }

  /** Downloads the CAR in two requests: the first half, then the rest with {@code Range: bytes=<half>-}. */
  private static byte[] pull(DealParams p) throws IOException {
    JsonNode params = new ObjectMapper().readTree(p.transfer().params());
    URI url = URI.create(params.path("URL").asText());
    String auth = params.path("Headers").path("Authorization").asText();
    long size = p.transfer().size();
    long half = size / 2;
    byte[] first = get(url, auth, "bytes=0-" + (half - 1), 206);
    byte[] rest = get(url, auth, "bytes=" + half + "-", 206);
    byte[] all = new byte[first.length + rest.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(rest, 0, all, first.length, rest.length);
    return all;
  }

  static byte[] get(URI url, String auth, String range, int expect) throws IOException {
    HttpURLConnection c = (HttpURLConnection) url.toURL().openConnection();
    if (auth != null) {
      c.setRequestProperty("Authorization", auth);
    }
    if (range != null) {
      c.setRequestProperty("Range", range);
    }
    int code = c.getResponseCode();
    if (code != expect) {
      throw new IOException("GET " + url + " answered " + code + ", expected " + expect);
    }
    try (InputStream in = c.getInputStream()) {
      return in.readAllBytes();
    }
  }

  private static void reply(P2pStream s, byte[] cbor) throws IOException {
    s.out().write(cbor);
    s.out().flush();
    s.closeWrite();
  }

  @Override
  public void close() {
    host.close();
  }
}
