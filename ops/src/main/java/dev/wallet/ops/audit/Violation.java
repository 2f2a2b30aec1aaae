package dev.wallet.ops.audit;

/**
 * One broken rule found by an audit, with what an operator needs to find it: the subject (an
 * account or a transaction) and where the evidence lies (a topic-partition@offset, or a table).
 *
 * @param rule    the rule, one stable identifier per kind (e.g. {@code SEQUENCE_GAP})
 * @param subject {@code account <id>}, {@code transaction <id>} or {@code currency <code>}
 * @param where   topic-partition@offset of the evidence, or the table it was read from; may be empty
 * @param detail  what was found, against what was expected
 */
public record Violation(Rule rule, String subject, String where, String detail) {

    /** The rules an audit checks; each violation names exactly one. */
    public enum Rule {
        /** An account's sequence skipped numbers. */
        SEQUENCE_GAP,
        /** An account's sequence repeated or went back (outside events marked repeated). */
        SEQUENCE_REPEAT,
        /** The first event of an account is not its AccountOpened at sequence 1. */
        NOT_OPENED_FIRST,
        /** balance_after is not the previous balance plus the amount moved. */
        BALANCE_FOLD,
        /** An event's currency differs from its account's currency. */
        CURRENCY,
        /** A USER account's balance went below zero. */
        NEGATIVE_USER_BALANCE,
        /** An event marked repeated does not repeat the entry at its sequence. */
        REPEAT_MISMATCH,
        /** Per-currency sum of balances, with money in flight, is not zero. */
        CURRENCY_SUM,
        /** A completed transfer lacks its one debit and one credit of the same amount and currency. */
        COMPLETED_TRANSFER_ENTRIES,
        /** A failed transfer kept money out of its source or put money into its destination. */
        FAILED_TRANSFER_ENTRIES,
        /** A transfer is still not terminal after the threshold. */
        PENDING_TRANSFER,
        /** Money moved in the ledger for a transaction no transfer event knows, older than the threshold. */
        MOVEMENT_WITHOUT_TRANSFER,
        /** A record could not be decoded; it is skipped and counted. */
        UNDECODABLE_RECORD,
        /** The read side differs from the ledger. */
        READ_SIDE_MISMATCH,
        /** The read side has not projected the snapshot yet. */
        READ_SIDE_BEHIND,
        /** The account processor's state differs from the ledger. */
        PROCESSOR_STATE_MISMATCH
    }

    /** One line for the text report. */
    public String line() {
        return rule + "  " + subject + (where.isEmpty() ? "" : "  at " + where) + "  " + detail;
    }
}
