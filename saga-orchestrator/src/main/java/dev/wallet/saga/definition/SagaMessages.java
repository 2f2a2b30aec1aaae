package dev.wallet.saga.definition;

import dev.wallet.saga.store.avro.TransferSagaState;
import dev.wallet.schemas.avro.AccountCommand;
import dev.wallet.schemas.avro.CommandStep;
import dev.wallet.schemas.avro.CreditAccount;
import dev.wallet.schemas.avro.DebitAccount;
import dev.wallet.schemas.avro.RefundAccount;
import dev.wallet.schemas.avro.TransferEvent;
import java.time.Instant;

/**
 * Builds the saga's outgoing messages from its state: the three account commands and the envelope
 * of every transfer event, which always carries the saga's payload and phase.
 */
final class SagaMessages {

    private SagaMessages() {
    }

    /** Step 1, forward: take the amount out of the source. */
    static AccountCommand debitSource(final TransferSagaState state, final long nowMs) {
        return command(state, state.getFromAccount(), CommandStep.DEBIT, nowMs,
                new DebitAccount(state.getAmountMinor(), state.getCurrency()));
    }

    /** Step 2, forward: put the amount into the destination. */
    static AccountCommand creditDestination(final TransferSagaState state, final long nowMs) {
        return command(state, state.getToAccount(), CommandStep.CREDIT, nowMs,
                new CreditAccount(state.getAmountMinor(), state.getCurrency()));
    }

    /** Step 1, compensation: give the debited amount back to the source. */
    static AccountCommand refundSource(final TransferSagaState state, final long nowMs) {
        return command(state, state.getFromAccount(), CommandStep.REFUND, nowMs,
                new RefundAccount(state.getAmountMinor(), state.getCurrency()));
    }

    /** A transfer event carrying {@code state}'s payload and phase. */
    static TransferEvent event(final TransferSagaState state, final long nowMs, final Object body) {
        return TransferEvent.newBuilder()
                .setTransactionId(state.getTransactionId())
                .setFromAccount(state.getFromAccount())
                .setToAccount(state.getToAccount())
                .setAmountMinor(state.getAmountMinor())
                .setCurrency(state.getCurrency())
                .setPhase(FailureReasons.toPublic(state.getPhase()))
                .setOccurredAt(Instant.ofEpochMilli(nowMs))
                .setBody(body)
                .build();
    }

    private static AccountCommand command(final TransferSagaState state, final String accountId,
                                          final CommandStep step, final long nowMs, final Object body) {
        return AccountCommand.newBuilder()
                .setAccountId(accountId)
                .setTransactionId(state.getTransactionId())
                .setStep(step)
                .setIssuedAt(Instant.ofEpochMilli(nowMs))
                .setBody(body)
                .build();
    }
}
