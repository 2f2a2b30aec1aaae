package dev.wallet.account.ledger;

import dev.wallet.schemas.avro.CommandStep;
import java.util.Objects;

/**
 * Money left the account: the balance after is the balance before minus {@code amountMinor}.
 *
 * @param amountMinor the amount taken out, in minor units
 * @param position    the account's next sequence and its balance after
 */
public record Debited(long amountMinor, Position position) implements Outcome {

    public Debited {
        Objects.requireNonNull(position, "position");
        if (amountMinor <= 0) {
            throw new IllegalStateException("An amount is always positive, was " + amountMinor + ".");
        }
    }

    @Override
    public CommandStep step() {
        return CommandStep.DEBIT;
    }
}
