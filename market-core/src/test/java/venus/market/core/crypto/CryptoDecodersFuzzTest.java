package venus.market.core.crypto;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Signatures and key exports from outside must fail only with a CryptoException; verification of garbage must
 * answer false, never throw. Replays CryptoDecodersFuzzTestInputs/ in a normal build.
 */
class CryptoDecodersFuzzTest {

  private static final byte[] SECP_PUB = Secp256k1.publicKey(new byte[] {
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
      31, 32});

  @FuzzTest(maxDuration = "10s")
  void decodersFailOnlyWithCryptoException(byte[] input) {
    try {
      Signature.fromBytes(input);
    } catch (CryptoException expected) {
      // rejected input is fine
    }
    try {
      KeyInfo.importHex(new String(input, StandardCharsets.ISO_8859_1));
    } catch (CryptoException expected) {
      // rejected input is fine
    }
    try {
      KeyInfo.fromJson(new String(input, StandardCharsets.UTF_8));
    } catch (CryptoException expected) {
      // rejected input is fine
    }
    Secp256k1.verify(SECP_PUB, new byte[] {1}, Arrays.copyOf(input, 65));
    Secp256k1.verify(Arrays.copyOf(input, 65), new byte[] {1}, Arrays.copyOf(input, 65));
    Bls.verify(Arrays.copyOf(input, 48), new byte[] {1}, Arrays.copyOfRange(input, 0, Math.max(96, input.length)));
  }
}
