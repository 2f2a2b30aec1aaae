package dev.wallet.saga.definition;

import dev.wallet.saga.store.avro.SagaPhase;
import dev.wallet.saga.store.avro.TransferSagaState;
import dev.wallet.schemas.avro.TransferDuplicate;
import dev.wallet.schemas.avro.TransferDuplicateConflict;
import dev.wallet.schemas.avro.TransferRequest;

/**
 * Answers a request whose transaction_id already has a saga. It never starts a second saga: the
 * same payload (from, to, amount, currency) is told the original's current phase; a different
 * payload is refused as a conflict. Either way no account is asked anything.
 */
final class Duplicates {

    private Duplicates() {
    }

    static SagaDecision answer(final TransferSagaState original, final TransferRequest request, final long nowMs) {
        if (samePayload(original, request)) {
            final TransferDuplicate duplicate = new TransferDuplicate(original.getPhase() == SagaPhase.FAILED
                    ? FailureReasons.toPublic(original.getFailureReason()) : null);
            return SagaDecision.answer(SagaMessages.event(original, nowMs, duplicate));
        }
        final TransferDuplicateConflict conflict = new TransferDuplicateConflict(request.getFromAccount(),
                request.getToAccount(), request.getAmountMinor(), request.getCurrency());
        return SagaDecision.answer(SagaMessages.event(original, nowMs, conflict));
    }

    /** Same payload means same from, to, amount and currency; times and deadline may differ. */
    static boolean samePayload(final TransferSagaState original, final TransferRequest request) {
        return original.getFromAccount().equals(request.getFromAccount())
                && original.getToAccount().equals(request.getToAccount())
                && original.getAmountMinor() == request.getAmountMinor()
                && original.getCurrency().equals(request.getCurrency());
    }
}
