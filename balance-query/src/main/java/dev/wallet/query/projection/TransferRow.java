package dev.wallet.query.projection;

/**
 * What a batch knows of one transfer: the upsert into {@code transfers}. Fields that the batch's
 * events do not carry are null and never overwrite what the table holds.
 *
 * @param phaseRank 1 ACCEPTED, 2 DEBITED, 3 COMPENSATING, 4 COMPLETED or FAILED; only a higher rank
 *                  replaces the stored phase, so the phase moves forward only and terminal is final
 */
public record TransferRow(String transactionId, String fromAccount, String toAccount, long amountMinor,
                          String currency, String phase, int phaseRank, String reason, Boolean refunded,
                          Long sourceSequence, Long destinationSequence, Long requestedAtMs, Long deadlineAtMs,
                          Long acceptedAtMs, Long finishedAtMs, long updatedAtMs) {
}
