package dev.wallet.saga.definition;

import dev.wallet.saga.store.avro.SagaFailureReason;
import dev.wallet.saga.store.avro.SagaPhase;
import dev.wallet.schemas.avro.CreditRejectionReason;
import dev.wallet.schemas.avro.DebitRejectionReason;
import dev.wallet.schemas.avro.TransferFailureReason;
import dev.wallet.schemas.avro.TransferPhase;

/**
 * Maps an account's decline to the transfer's failure reason (naming the side that declined), and
 * the stored enums to the public ones. The switches have no default, so a new rejection reason in
 * the schemas fails the build here until someone decides what it means for a transfer.
 */
public final class FailureReasons {

    private FailureReasons() {
    }

    /** The transfer failure for a declined debit of the source. */
    public static SagaFailureReason ofDebit(final DebitRejectionReason reason) {
        return switch (reason) {
            case ACCOUNT_NOT_FOUND -> SagaFailureReason.SOURCE_ACCOUNT_NOT_FOUND;
            case CURRENCY_MISMATCH -> SagaFailureReason.SOURCE_CURRENCY_MISMATCH;
            case INSUFFICIENT_FUNDS -> SagaFailureReason.INSUFFICIENT_FUNDS;
            case TRANSFER_CANCELLED -> SagaFailureReason.TRANSFER_CANCELLED;
        };
    }

    /** The transfer failure for a declined credit of the destination. */
    public static SagaFailureReason ofCredit(final CreditRejectionReason reason) {
        return switch (reason) {
            case ACCOUNT_NOT_FOUND -> SagaFailureReason.DESTINATION_ACCOUNT_NOT_FOUND;
            case CURRENCY_MISMATCH -> SagaFailureReason.DESTINATION_CURRENCY_MISMATCH;
            case BALANCE_OVERFLOW -> SagaFailureReason.DESTINATION_BALANCE_OVERFLOW;
        };
    }

    /** The public form of a stored failure reason (same symbol). */
    public static TransferFailureReason toPublic(final SagaFailureReason reason) {
        return reason == null ? null : TransferFailureReason.valueOf(reason.name());
    }

    /** The public form of a stored phase (same symbol). */
    public static TransferPhase toPublic(final SagaPhase phase) {
        return TransferPhase.valueOf(phase.name());
    }
}
