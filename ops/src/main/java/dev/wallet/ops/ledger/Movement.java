package dev.wallet.ops.ledger;

/**
 * Money that moved in one ledger event: a debit, a credit or a refund.
 *
 * @param accountId    the account it moved on
 * @param amountMinor  the amount, positive, in minor units of {@code currency}
 * @param currency     ISO 4217 code
 * @param sequence     the event's sequence in the account
 * @param where        topic-partition@offset of the event
 * @param occurredAtMs when the account processor applied it
 */
public record Movement(String accountId, long amountMinor, String currency, long sequence, String where,
                       long occurredAtMs) {
}
