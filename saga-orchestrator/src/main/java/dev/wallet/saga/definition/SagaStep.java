package dev.wallet.saga.definition;

import dev.wallet.saga.store.avro.SagaPhase;
import dev.wallet.saga.store.avro.TransferSagaState;
import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.avro.CommandStep;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One row of the saga table: while the saga is in {@code waitingIn} it has sent a command of step
 * {@code awaits} to one account and waits for the answer; the answer of type {@code success} moves
 * it forward, the answer of type {@code decline} runs the compensation.
 *
 * @param waitingIn     the phase in which the saga waits for this step's answer
 * @param awaits        the step of the command sent, which its answer repeats
 * @param addressee     the account the command went to (source or destination of the transfer)
 * @param success       the body type of the answer that moves the saga forward
 * @param onSuccess     what the saga does then
 * @param decline       the body type of the answer that declines the step; null when it is never declined
 * @param onDecline     what the saga does then; null when it is never declined
 */
record SagaStep(SagaPhase waitingIn, CommandStep awaits, Function<TransferSagaState, String> addressee,
                Class<?> success, Transition onSuccess, Class<?> decline, Transition onDecline) {

    /** What the saga does with a state and the answer that arrived, at orchestrator time {@code nowMs}. */
    @FunctionalInterface
    interface Transition {
        SagaDecision apply(TransferSagaState state, AccountEvent reply, long nowMs);
    }

    SagaStep {
        Objects.requireNonNull(waitingIn);
        Objects.requireNonNull(awaits);
        Objects.requireNonNull(addressee);
        Objects.requireNonNull(success);
        Objects.requireNonNull(onSuccess);
        if ((decline == null) != (onDecline == null)) {
            throw new IllegalArgumentException("A step declines with both a reply type and a transition, or neither.");
        }
    }

    /** Starts the row of the step the saga waits for in {@code phase}. */
    static Builder waitingIn(final SagaPhase phase) {
        return new Builder(phase);
    }

    /** Builds one row so that it reads left to right like the table in the class comment. */
    static final class Builder {

        private final SagaPhase waitingIn;
        private CommandStep awaits;
        private Function<TransferSagaState, String> addressee;
        private Class<?> success;
        private Transition onSuccess;

        private Builder(final SagaPhase waitingIn) {
            this.waitingIn = waitingIn;
        }

        /** The step of the command sent, and the account it went to. */
        Builder forAnswerTo(final CommandStep step, final Function<TransferSagaState, String> account) {
            this.awaits = step;
            this.addressee = account;
            return this;
        }

        /** Forward: what an answer of type {@code reply} does. */
        Builder onSuccess(final Class<?> reply, final Transition transition) {
            this.success = reply;
            this.onSuccess = transition;
            return this;
        }

        /** Compensation: what an answer of type {@code reply} does. */
        SagaStep onDecline(final Class<?> reply, final Transition transition) {
            return new SagaStep(waitingIn, awaits, addressee, success, onSuccess,
                    Objects.requireNonNull(reply), Objects.requireNonNull(transition));
        }

        /** The command of this step is never declined (the refund). */
        SagaStep neverDeclined() {
            return new SagaStep(waitingIn, awaits, addressee, success, onSuccess, null, null);
        }
    }

    /** The rows indexed by the phase that waits for them; a phase may appear once. */
    static Map<SagaPhase, SagaStep> table(final SagaStep... steps) {
        final Map<SagaPhase, SagaStep> table = new EnumMap<>(SagaPhase.class);
        for (final SagaStep step : steps) {
            if (table.put(step.waitingIn(), step) != null) {
                throw new IllegalArgumentException("Two saga steps wait in phase " + step.waitingIn() + ".");
            }
        }
        return Map.copyOf(table);
    }

    /** Decides what {@code reply}, already known to be this step's answer, does to the saga. */
    SagaDecision answer(final TransferSagaState state, final AccountEvent reply, final long nowMs) {
        if (!addressee.apply(state).equals(reply.getAccountId())) {
            return SagaDecision.ignore(IgnoredReply.UNEXPECTED_ACCOUNT);
        }
        final Object body = reply.getBody();
        if (success.isInstance(body)) {
            return onSuccess.apply(state, reply, nowMs);
        }
        if (decline != null && decline.isInstance(body)) {
            return onDecline.apply(state, reply, nowMs);
        }
        return SagaDecision.ignore(IgnoredReply.UNEXPECTED_OUTCOME);
    }
}
