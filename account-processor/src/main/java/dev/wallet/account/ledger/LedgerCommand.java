package dev.wallet.account.ledger;

import dev.wallet.schemas.avro.CommandStep;

/**
 * A command to one account, already checked for shape (positive amounts, step matching body). With
 * {@link #transactionId()} the {@link #step()} identifies the operation, which is what makes a
 * repeat recognisable.
 */
public sealed interface LedgerCommand permits OpenCommand, DebitCommand, CreditCommand, RefundCommand {

    /** The transaction (transfer, or open request) the command belongs to. */
    String transactionId();

    /** Which step of the transaction this is. */
    CommandStep step();
}
