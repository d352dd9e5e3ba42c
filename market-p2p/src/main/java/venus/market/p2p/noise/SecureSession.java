package venus.market.p2p.noise;

import java.util.List;
import venus.market.p2p.crypto.PubKey;
import venus.market.p2p.peer.PeerId;

/** Outcome of a completed libp2p Noise handshake. */
public record SecureSession(PeerId remotePeer, PubKey remoteKey, CipherState sendCipher, CipherState receiveCipher,
    List<String> remoteMuxers) {}
