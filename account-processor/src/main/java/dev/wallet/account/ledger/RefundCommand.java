package dev.wallet.account.ledger;

import dev.wallet.schemas.avro.CommandStep;
import java.util.Objects;

/**
 * Give back the debit of the same transaction (the compensation of the debit); never declined.
 *
 * @param transactionId the transfer
 * @param amountMinor   amount in minor units of {@code currency}; always positive
 * @param currency      ISO 4217 code of the amount
 */
public record RefundCommand(String transactionId, long amountMinor, String currency) implements LedgerCommand {

    public RefundCommand {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(currency, "currency");
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("A refund amount must be positive, was " + amountMinor + ".");
        }
    }

    @Override
    public CommandStep step() {
        return CommandStep.REFUND;
    }
}
