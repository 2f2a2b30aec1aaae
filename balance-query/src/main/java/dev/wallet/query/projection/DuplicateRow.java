package dev.wallet.query.projection;

/**
 * A repeated request of a known transfer, keyed by its place in the topic so a replay adds nothing.
 *
 * @param kind DUPLICATE (same payload) or CONFLICT (other payload, refused); the conflicting_* fields
 *             are null for DUPLICATE
 */
public record DuplicateRow(int partition, long offset, String transactionId, String kind,
                           String conflictingFromAccount, String conflictingToAccount,
                           Long conflictingAmountMinor, String conflictingCurrency, long occurredAtMs) {
}
