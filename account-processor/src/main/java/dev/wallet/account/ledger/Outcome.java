package dev.wallet.account.ledger;

import dev.wallet.schemas.avro.CommandStep;

/**
 * What one command did to its account: one type per outcome, declines included, so every result
 * of a rule is a value the caller must handle (never an exception).
 */
public sealed interface Outcome
        permits Opened, OpenDeclined, Debited, DebitDeclined, Credited, CreditDeclined, Refunded, NoDebitToRefund {

    /** Where the outcome leaves the account: sequence, balance after, currency, time. */
    Position position();

    /** The step of the command this outcome answers. */
    CommandStep step();
}
