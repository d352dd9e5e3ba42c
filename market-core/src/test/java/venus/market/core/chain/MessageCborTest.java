package venus.market.core.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import venus.market.core.address.Address;
import venus.market.core.amount.TokenAmount;
import venus.market.core.cbor.CborException;
import venus.market.core.crypto.SigType;
import venus.market.core.crypto.Signature;

class MessageCborTest {

  private static final HexFormat HEX = HexFormat.of();

  private static UnsignedMessage sample() {
    return UnsignedMessage.builder().to(Address.newId(1000)).from(Address.newId(1001)).nonce(3)
        .value(TokenAmount.ofAtto(1000)).gasLimit(-1).method(2).params(new byte[] {1, 2}).build();
  }

  @Test
  void writesTheTenFieldTuple() {
    // 8a 00 | 43 00e807 | 43 00e907 | 03 | 43 0003e8 | 20 | 40 | 40 | 02 | 42 0102
    assertThat(HEX.formatHex(sample().toCbor())).isEqualTo("8a004300e8074300e907034300" + "03e8" + "20404002420102");
  }

  @Test
  void keepsUint64NonceAndMethodUnsigned() {
    UnsignedMessage m = sample().toBuilder().nonce(-1).method(Long.MIN_VALUE).build();
    UnsignedMessage back = UnsignedMessage.fromCbor(m.toCbor());
    assertThat(Long.toUnsignedString(back.nonce())).isEqualTo("18446744073709551615");
    assertThat(Long.toUnsignedString(back.method())).isEqualTo("9223372036854775808");
    assertThat(back).isEqualTo(m).hasSameHashCodeAs(m);
  }

  @Test
  void isImmutable() {
    byte[] params = {1, 2};
    UnsignedMessage m = sample().toBuilder().params(params).build();
    params[0] = 9;
    m.params()[1] = 9;
    assertThat(m.params()).containsExactly(1, 2);
  }

  @Test
  void rejectsWrongVersionFieldCountAndBadLeaves() {
    byte[] good = sample().toCbor();
    byte[] version1 = good.clone();
    version1[1] = 1;
    assertThatThrownBy(() -> UnsignedMessage.fromCbor(version1)).isInstanceOf(CborException.class)
        .hasMessageContaining("offset 1: Message: unsupported version 1");
    byte[] nineFields = good.clone();
    nineFields[0] = (byte) 0x89;
    assertThatThrownBy(() -> UnsignedMessage.fromCbor(nineFields)).isInstanceOf(CborException.class)
        .hasMessageContaining("expected a tuple of 10 fields, got 9");
    byte[] badAddress = good.clone();
    badAddress[3] = 9; // protocol 9
    assertThatThrownBy(() -> UnsignedMessage.fromCbor(badAddress)).isInstanceOf(CborException.class)
        .hasMessageContaining("offset 2: invalid address");
    assertThatThrownBy(() -> UnsignedMessage.fromCbor(java.util.Arrays.copyOf(good, good.length - 1)))
        .isInstanceOf(CborException.class);
  }

  @Test
  void rejectsBadSignatures() {
    SignedMessage signed = new SignedMessage(sample(), Signature.of(SigType.SECP256K1, new byte[65]));
    byte[] bytes = signed.toCbor();
    byte[] badType = bytes.clone();
    badType[bytes.length - 65 - 1] = 7;
    assertThatThrownBy(() -> SignedMessage.fromCbor(badType)).isInstanceOf(CborException.class)
        .hasMessageContaining("invalid signature");
    assertThatThrownBy(() -> SignedMessage.fromCbor(sample().toCbor())).isInstanceOf(CborException.class)
        .hasMessageContaining("SignedMessage: expected a tuple of 2 fields, got 10");
  }
}
