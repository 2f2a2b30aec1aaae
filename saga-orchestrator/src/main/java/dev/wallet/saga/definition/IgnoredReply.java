package dev.wallet.saga.definition;

/**
 * Why an account event did not move a saga. Each one is logged with its ids and counted; none of
 * them is an error of the saga, but a steady count of the last three points at a bug elsewhere.
 */
public enum IgnoredReply {
    /** An OPEN step answers an open-account request, which no saga sends. */
    NOT_A_TRANSFER_STEP,
    /** The answer to a repeated command ({@code repeated=true}): the original answer already counted. */
    REPEATED,
    /** No saga with this transaction_id is in the store (never started, or purged after it ended). */
    UNKNOWN_TRANSACTION,
    /** The saga already ended; a late answer cannot change a terminal outcome. */
    SAGA_FINISHED,
    /** The answer's step is not the one the saga's phase waits for (a stale or early answer). */
    UNEXPECTED_STEP,
    /** The answer comes from an account this step did not address. */
    UNEXPECTED_ACCOUNT,
    /** The answer's body is not one the awaited step can produce (e.g. NothingToRefund after a debit). */
    UNEXPECTED_OUTCOME
}
