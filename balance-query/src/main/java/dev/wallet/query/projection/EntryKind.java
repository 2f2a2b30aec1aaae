package dev.wallet.query.projection;

/**
 * What one ledger entry records; the {@code kind} column of {@code ledger_entries}. Rejections take
 * a sequence like every other event, so they are entries too, with amount moved 0 and the requested
 * amount kept beside it.
 */
public enum EntryKind {
    OPENED,
    OPEN_REJECTED,
    DEBITED,
    DEBIT_REJECTED,
    CREDITED,
    CREDIT_REJECTED,
    REFUNDED,
    NOTHING_TO_REFUND
}
