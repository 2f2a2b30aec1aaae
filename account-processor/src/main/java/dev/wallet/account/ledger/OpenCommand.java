package dev.wallet.account.ledger;

import dev.wallet.schemas.avro.AccountType;
import dev.wallet.schemas.avro.CommandStep;
import java.util.Objects;

/**
 * Open an account with a type and a currency.
 *
 * @param transactionId the id of the open request
 * @param accountType   USER or SYSTEM
 * @param currency      ISO 4217 code asked for; may be unsupported, which the open rule declines
 */
public record OpenCommand(String transactionId, AccountType accountType, String currency) implements LedgerCommand {

    public OpenCommand {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(accountType, "accountType");
        Objects.requireNonNull(currency, "currency");
    }

    @Override
    public CommandStep step() {
        return CommandStep.OPEN;
    }
}
