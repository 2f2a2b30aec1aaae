package dev.wallet.ops.ledger;

import dev.wallet.schemas.avro.TransferPhase;

/**
 * A transfer as {@code wallet.transfer-events} tells it: the request and the furthest phase
 * reached (ACCEPTED &lt; DEBITED &lt; COMPENSATING &lt; COMPLETED | FAILED).
 *
 * @param refunded            FAILED only: the saga says the debit was given back
 * @param sourceSequence      COMPLETED/DEBITED: ledger sequence of the debit, or null
 * @param destinationSequence COMPLETED: ledger sequence of the credit, or null
 * @param lastAtMs            occurred_at of the event that set the phase
 * @param where               topic-partition@offset of that event
 */
public record TransferState(String transactionId, String fromAccount, String toAccount, long amountMinor,
                            String currency, TransferPhase phase, Boolean refunded, Long sourceSequence,
                            Long destinationSequence, long lastAtMs, String where) {

    /** Rank of a phase: terminal phases rank highest and never change. */
    public static int rankOf(final TransferPhase phase) {
        return switch (phase) {
            case ACCEPTED -> 1;
            case DEBITED -> 2;
            case COMPENSATING -> 3;
            case COMPLETED, FAILED -> 4;
        };
    }

    public boolean isTerminal() {
        return rankOf(phase) == 4;
    }
}
