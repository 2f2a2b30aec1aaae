package dev.wallet.query.projection;

/**
 * One row of {@code ledger_entries}: one account event with a sequence.
 *
 * @param amountMinor    money moved, signed (debit negative, credit and refund positive, else 0)
 * @param requestedMinor amount the command asked for (0 for opens)
 * @param accountType    USER or SYSTEM for {@link EntryKind#OPENED}; null otherwise
 * @param reason         rejection reason; null unless the kind is a rejection
 */
public record LedgerRow(String accountId, long sequence, String transactionId, String step, EntryKind kind,
                        long amountMinor, long requestedMinor, long balanceAfterMinor, String currency,
                        String accountType, String reason, long occurredAtMs) {
}
