package dev.wallet.account.ledger;

import dev.wallet.schemas.avro.CommandStep;
import java.util.Objects;

/**
 * Take {@code amountMinor} out of the account (the saga's forward step 1).
 *
 * @param transactionId the transfer
 * @param amountMinor   amount in minor units of {@code currency}; always positive
 * @param currency      ISO 4217 code of the amount
 */
public record DebitCommand(String transactionId, long amountMinor, String currency) implements LedgerCommand {

    public DebitCommand {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(currency, "currency");
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("A debit amount must be positive, was " + amountMinor + ".");
        }
    }

    @Override
    public CommandStep step() {
        return CommandStep.DEBIT;
    }
}
