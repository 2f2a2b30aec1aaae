package dev.wallet.query.projection;

/** A rejection for an account that does not exist (sequence 0): no ledger entry of any account. */
public record UnknownAccountRow(String accountId, String transactionId, String step, EntryKind kind,
                                String reason, long requestedMinor, String currency, long occurredAtMs) {
}
