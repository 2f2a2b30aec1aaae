package dev.wallet.saga.definition;

import dev.wallet.saga.store.avro.SagaFailureReason;
import dev.wallet.saga.store.avro.SagaPhase;
import dev.wallet.saga.store.avro.TransferSagaState;
import dev.wallet.schemas.avro.TransferRequest;
import java.util.Objects;

/**
 * The saga's state changes, one method per phase it can enter. Each returns a new record and leaves
 * the given one untouched, so a decision never alters what the store holds until it is written.
 */
final class SagaStates {

    private SagaStates() {
    }

    /** A saga that just saw its request: ACCEPTED, nothing confirmed yet. */
    static TransferSagaState started(final TransferRequest request, final long nowMs) {
        return TransferSagaState.newBuilder()
                .setTransactionId(request.getTransactionId())
                .setFromAccount(request.getFromAccount())
                .setToAccount(request.getToAccount())
                .setAmountMinor(request.getAmountMinor())
                .setCurrency(request.getCurrency())
                .setRequestedAtMs(request.getRequestedAt().toEpochMilli())
                .setDeadlineMs(request.getDeadline().toEpochMilli())
                .setPhase(SagaPhase.ACCEPTED)
                .setStartedAtMs(nowMs)
                .setUpdatedAtMs(nowMs)
                .setSourceSequence(null)
                .setDestinationSequence(null)
                .setFailureReason(null)
                .setRefunded(false)
                .build();
    }

    /** The source confirmed the debit with ledger sequence {@code sourceSequence}. */
    static TransferSagaState debited(final TransferSagaState state, final long sourceSequence, final long nowMs) {
        return TransferSagaState.newBuilder(state)
                .setPhase(SagaPhase.DEBITED)
                .setSourceSequence(sourceSequence)
                .setUpdatedAtMs(nowMs)
                .build();
    }

    /** The destination confirmed the credit with ledger sequence {@code destinationSequence}. */
    static TransferSagaState completed(final TransferSagaState state, final long destinationSequence,
                                       final long nowMs) {
        if (state.getSourceSequence() == null) {
            throw new IllegalStateException("Transfer " + state.getTransactionId()
                    + " cannot complete without a confirmed debit.");
        }
        return TransferSagaState.newBuilder(state)
                .setPhase(SagaPhase.COMPLETED)
                .setDestinationSequence(destinationSequence)
                .setUpdatedAtMs(nowMs)
                .build();
    }

    /** The destination declined the credit; the debit is being refunded. */
    static TransferSagaState compensating(final TransferSagaState state, final SagaFailureReason reason,
                                          final long nowMs) {
        return TransferSagaState.newBuilder(state)
                .setPhase(SagaPhase.COMPENSATING)
                .setFailureReason(Objects.requireNonNull(reason))
                .setUpdatedAtMs(nowMs)
                .build();
    }

    /** The transfer ended without moving money; {@code refunded} when a debit was given back. */
    static TransferSagaState failed(final TransferSagaState state, final SagaFailureReason reason,
                                    final boolean refunded, final long nowMs) {
        return TransferSagaState.newBuilder(state)
                .setPhase(SagaPhase.FAILED)
                .setFailureReason(Objects.requireNonNull(reason))
                .setRefunded(refunded)
                .setUpdatedAtMs(nowMs)
                .build();
    }
}
