package venus.market.core.crypto;

/**
 * The signature type byte of go-state-types crypto.SigType. It prefixes a signature's byte form and names the
 * "Type" of its JSON form.
 */
public enum SigType {
  SECP256K1(1, "secp256k1"),
  BLS(2, "bls"),
  /** f4 (EVM) signatures: secp256k1 over keccak-256 of RLP. Carried, not produced, by this project. */
  DELEGATED(3, "delegated");

  private final int code;
  private final String keyType;

  SigType(int code, String keyType) {
    this.code = code;
    this.keyType = keyType;
  }

  /** The wire byte. */
  public int code() {
    return code;
  }

  /** The lotus wallet KeyType string ("secp256k1", "bls", "delegated"). */
  public String keyType() {
    return keyType;
  }

  public static SigType fromCode(int code) {
    for (SigType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    throw new CryptoException("unknown signature type " + code + " (expected 1 secp256k1, 2 bls or 3 delegated)");
  }

  public static SigType fromKeyType(String keyType) {
    for (SigType t : values()) {
      if (t.keyType.equals(keyType)) {
        return t;
      }
    }
    throw new CryptoException("unknown key type \"" + keyType + "\" (expected secp256k1, bls or delegated)");
  }
}
