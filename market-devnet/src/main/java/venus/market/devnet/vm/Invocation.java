package venus.market.devnet.vm;

import java.math.BigInteger;
import venus.market.devnet.state.ActorRecord;

/** An actor method call after the value transfer: caller, receiver, method, raw CBOR params. */
public record Invocation(
    long callerId, ActorRecord receiver, long method, byte[] params, BigInteger value, long epoch) {}
