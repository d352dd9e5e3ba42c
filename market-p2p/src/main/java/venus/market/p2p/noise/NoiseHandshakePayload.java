package venus.market.p2p.noise;

import java.util.ArrayList;
import java.util.List;
import venus.market.p2p.protobuf.ProtoReader;
import venus.market.p2p.protobuf.ProtoWriter;
import venus.market.p2p.protobuf.ProtobufException;

/**
 * {@code NoiseHandshakePayload { bytes identity_key = 1; bytes identity_sig = 2; NoiseExtensions extensions = 4 }},
 * {@code NoiseExtensions { repeated bytes webtransport_certhashes = 1; repeated string stream_muxers = 2 }}.
 */
public record NoiseHandshakePayload(byte[] identityKey, byte[] identitySig, List<String> streamMuxers) {

  /** Signed, before the Noise static key, by the identity key. */
  public static final String SIGNATURE_PREFIX = "noise-libp2p-static-key:";

  public byte[] encode() {
    ProtoWriter w = new ProtoWriter().bytes(1, identityKey).bytes(2, identitySig);
    if (!streamMuxers.isEmpty()) {
      ProtoWriter ext = new ProtoWriter();
      for (String m : streamMuxers) {
        ext.string(2, m);
      }
      w.bytes(4, ext.toByteArray());
    }
    return w.toByteArray();
  }

  public static NoiseHandshakePayload decode(byte[] bytes) {
    byte[] key = null;
    byte[] sig = null;
    List<String> muxers = new ArrayList<>();
    try {
      ProtoReader r = new ProtoReader(bytes);
      while (r.next()) {
        switch (r.field()) {
          case 1 -> key = r.bytes();
          case 2 -> sig = r.bytes();
          case 4 -> {
            ProtoReader ext = new ProtoReader(r.bytes());
            while (ext.next()) {
              if (ext.field() == 2 && muxers.size() < 16) {
                muxers.add(ext.string());
              } else {
                ext.skip();
              }
            }
          }
          default -> r.skip();
        }
      }
    } catch (ProtobufException e) {
      throw new NoiseException("malformed noise handshake payload: " + e.getMessage(), e);
    }
    if (key == null || sig == null) {
      throw new NoiseException("noise handshake payload lacks the identity " + (key == null ? "key" : "signature"));
    }
    return new NoiseHandshakePayload(key, sig, List.copyOf(muxers));
  }
}
