package dev.wallet.account.ledger;

import dev.wallet.schemas.avro.AccountType;
import dev.wallet.schemas.avro.CommandStep;
import java.util.Objects;

/**
 * The account now exists with this type; its position is sequence 1, balance 0.
 *
 * @param accountType USER or SYSTEM
 * @param position    sequence 1, balance 0, the account currency, when it was opened
 */
public record Opened(AccountType accountType, Position position) implements Outcome {

    public Opened {
        Objects.requireNonNull(accountType, "accountType");
        if (position.sequence() != Account.OPENED_SEQUENCE || position.balanceAfterMinor() != 0) {
            throw new IllegalStateException("An opened account is at sequence 1 with balance 0, was "
                    + position + ".");
        }
    }

    @Override
    public CommandStep step() {
        return CommandStep.OPEN;
    }
}
