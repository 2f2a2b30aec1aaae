package dev.wallet.account.ledger;

import dev.wallet.schemas.avro.CommandStep;
import java.util.Objects;

/**
 * Put {@code amountMinor} into the account (the saga's forward step 2).
 *
 * @param transactionId the transfer
 * @param amountMinor   amount in minor units of {@code currency}; always positive
 * @param currency      ISO 4217 code of the amount
 */
public record CreditCommand(String transactionId, long amountMinor, String currency) implements LedgerCommand {

    public CreditCommand {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(currency, "currency");
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("A credit amount must be positive, was " + amountMinor + ".");
        }
    }

    @Override
    public CommandStep step() {
        return CommandStep.CREDIT;
    }
}
