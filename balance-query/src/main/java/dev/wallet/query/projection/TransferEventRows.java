package dev.wallet.query.projection;

import dev.wallet.schemas.avro.TransferAccepted;
import dev.wallet.schemas.avro.TransferCompensating;
import dev.wallet.schemas.avro.TransferCompleted;
import dev.wallet.schemas.avro.TransferDebited;
import dev.wallet.schemas.avro.TransferDuplicate;
import dev.wallet.schemas.avro.TransferDuplicateConflict;
import dev.wallet.schemas.avro.TransferEvent;
import dev.wallet.schemas.avro.TransferFailed;
import dev.wallet.schemas.avro.TransferPhase;

/** Turns one saga event into what it says about its transfer. */
final class TransferEventRows {

    /** Rank of the terminal phases; nothing ranks above them, so a terminal phase never changes. */
    static final int TERMINAL_RANK = 4;

    private TransferEventRows() {
    }

    /** True for the events of a repeated request, which never change the original's phase. */
    static boolean isDuplicate(final TransferEvent event) {
        return event.getBody() instanceof TransferDuplicate || event.getBody() instanceof TransferDuplicateConflict;
    }

    static int rankOf(final TransferPhase phase) {
        return switch (phase) {
            case ACCEPTED -> 1;
            case DEBITED -> 2;
            case COMPENSATING -> 3;
            case COMPLETED, FAILED -> TERMINAL_RANK;
        };
    }

    /** The transfer row a progress or outcome event stands for (or, for a duplicate, the original as it reports it). */
    static TransferRow transferRow(final TransferEvent event) {
        final long at = event.getOccurredAt().toEpochMilli();
        final Object body = event.getBody();
        Long requestedAt = null;
        Long deadlineAt = null;
        Long acceptedAt = null;
        Long sourceSequence = null;
        Long destinationSequence = null;
        String reason = null;
        Boolean refunded = null;
        if (body instanceof TransferAccepted accepted) {
            requestedAt = accepted.getRequestedAt().toEpochMilli();
            deadlineAt = accepted.getDeadline().toEpochMilli();
            acceptedAt = at;
        } else if (body instanceof TransferDebited debited) {
            sourceSequence = debited.getSourceSequence();
        } else if (body instanceof TransferCompensating compensating) {
            reason = compensating.getReason().name();
        } else if (body instanceof TransferCompleted completed) {
            sourceSequence = completed.getSourceSequence();
            destinationSequence = completed.getDestinationSequence();
        } else if (body instanceof TransferFailed failed) {
            reason = failed.getReason().name();
            refunded = failed.getRefunded();
        } else if (body instanceof TransferDuplicate duplicate && duplicate.getFailureReason() != null) {
            reason = duplicate.getFailureReason().name();
        }
        final int rank = rankOf(event.getPhase());
        return new TransferRow(event.getTransactionId(), event.getFromAccount(), event.getToAccount(),
                event.getAmountMinor(), event.getCurrency(), event.getPhase().name(), rank, reason, refunded,
                sourceSequence, destinationSequence, requestedAt, deadlineAt, acceptedAt,
                rank == TERMINAL_RANK ? at : null, at);
    }

    /** The duplicate-request row of a TransferDuplicate or TransferDuplicateConflict event. */
    static DuplicateRow duplicateRow(final TransferEvent event, final int partition, final long offset) {
        final long at = event.getOccurredAt().toEpochMilli();
        if (event.getBody() instanceof TransferDuplicateConflict conflict) {
            return new DuplicateRow(partition, offset, event.getTransactionId(), "CONFLICT",
                    conflict.getConflictingFromAccount(), conflict.getConflictingToAccount(),
                    conflict.getConflictingAmountMinor(), conflict.getConflictingCurrency(), at);
        }
        return new DuplicateRow(partition, offset, event.getTransactionId(), "DUPLICATE",
                null, null, null, null, at);
    }
}
