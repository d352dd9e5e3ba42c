package venus.market.devnet.vm;

/** Decodes params, runs the actor method and encodes its return value (CBOR, empty for none). */
@FunctionalInterface
public interface MethodInvoker {
  byte[] invoke(Invocation call);
}
