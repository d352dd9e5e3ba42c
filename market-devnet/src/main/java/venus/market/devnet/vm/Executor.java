package venus.market.devnet.vm;

import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalLong;
import venus.market.devnet.actors.BuiltinIds;
import venus.market.devnet.state.ActorKind;
import venus.market.devnet.state.ActorRecord;
import venus.market.devnet.state.StateTree;

/**
 * Applies messages to the state: nonce and funds checks, gas charging per {@link GasSchedule},
 * value transfer (creating an account actor for a new key address) and the actor call. An actor
 * error rolls back the call's changes but keeps the gas charge and the nonce increment.
 */
public final class Executor {
  private final StateTree state;
  private final MethodInvoker invoker;

  public Executor(StateTree state, MethodInvoker invoker) {
    this.state = state;
    this.invoker = invoker;
  }

  /** Why a message cannot go into a block now (empty = it can). */
  public Optional<String> inclusionProblem(MessageEnvelope m) {
    OptionalLong from = resolve(m.from());
    if (from.isEmpty()) {
      return Optional.of("sender actor not found");
    }
    ActorRecord sender = state.actor(from.getAsLong());
    if (!sender.kind().isSignable()) {
      return Optional.of("sender is not an account actor");
    }
    if (m.nonce() != sender.nonce()) {
      return Optional.of("nonce " + m.nonce() + " is not the expected " + sender.nonce());
    }
    if (m.gasFeeCap().compareTo(GasSchedule.BASE_FEE) < 0) {
      return Optional.of("fee cap " + m.gasFeeCap() + " below base fee " + GasSchedule.BASE_FEE);
    }
    if (sender.balance().compareTo(m.requiredFunds()) < 0) {
      return Optional.of("not enough funds: balance " + sender.balance() + " < " + m.requiredFunds());
    }
    return Optional.empty();
  }

  /** Applies a message that passed {@link #inclusionProblem}; returns its receipt. */
  public Receipt apply(MessageEnvelope m, long epoch, long blockMinerId) {
    long from = resolve(m.from()).orElseThrow();
    ActorRecord sender = state.actor(from);
    long gasUsed = GasSchedule.gasUsed(m.method(), m.params() == null ? 0 : m.params().length);
    boolean outOfGas = gasUsed > m.gasLimit();
    long charged = outOfGas ? m.gasLimit() : gasUsed;
    BigInteger premium = GasSchedule.effectivePremium(m.gasFeeCap(), m.gasPremium());
    BigInteger burn = GasSchedule.BASE_FEE.multiply(BigInteger.valueOf(charged));
    BigInteger tip = premium.multiply(BigInteger.valueOf(charged));
    state.actors().put(from, sender.withNonce(sender.nonce() + 1));
    state.addBalance(from, burn.add(tip).negate());
    state.addBalance(BuiltinIds.BURNT_FUNDS, burn);
    state.addBalance(blockMinerId, tip);
    if (outOfGas) {
      return new Receipt(ExitCode.SYS_OUT_OF_GAS, new byte[0], m.gasLimit());
    }
    state.begin();
    try {
      byte[] ret = call(from, m, epoch);
      state.commit();
      return new Receipt(ExitCode.OK, ret, gasUsed);
    } catch (ActorError e) {
      state.rollback();
      return new Receipt(e.exitCode(), new byte[0], gasUsed);
    } catch (RuntimeException e) {
      state.rollback();
      throw e;
    }
  }

  private byte[] call(long from, MessageEnvelope m, long epoch) {
    OptionalLong to = resolve(m.to());
    if (to.isEmpty()) {
      int protocol = m.to() == null || m.to().length == 0 ? -1 : m.to()[0];
      if (protocol != 1 && protocol != 3) {
        throw new ActorError(ExitCode.SYS_INVALID_RECEIVER, "receiver does not exist and cannot be created");
      }
      to = OptionalLong.of(state.createActor(ActorKind.ACCOUNT, m.to()).id());
    }
    if (m.value().signum() < 0) {
      throw new ActorError(ExitCode.SYS_INSUFFICIENT_FUNDS, "negative value");
    }
    if (m.value().signum() > 0) {
      state.addBalance(from, m.value().negate());
      state.addBalance(to.getAsLong(), m.value());
    }
    if (m.method() == 0) {
      return new byte[0];
    }
    return invoker.invoke(new Invocation(
        from, state.actor(to.getAsLong()), m.method(), m.params() == null ? new byte[0] : m.params(),
        m.value(), epoch));
  }

  /** Resolves a binary address to an actor id (ID addresses must name an existing actor). */
  public OptionalLong resolve(byte[] address) {
    OptionalLong id = IdAddress.idOf(address);
    if (id.isPresent()) {
      return state.actors().get(id.getAsLong()).isPresent() ? id : OptionalLong.empty();
    }
    return state.lookupRobust(address).map(OptionalLong::of).orElse(OptionalLong.empty());
  }
}
