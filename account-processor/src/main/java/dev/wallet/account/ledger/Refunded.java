package dev.wallet.account.ledger;

import dev.wallet.schemas.avro.CommandStep;
import java.util.Objects;

/**
 * The debit of this transaction was given back: the balance after is the balance before plus
 * {@code amountMinor}, the amount that debit took.
 *
 * @param amountMinor the amount of the applied debit, in minor units
 * @param position    the account's next sequence and its balance after
 */
public record Refunded(long amountMinor, Position position) implements Outcome {

    public Refunded {
        Objects.requireNonNull(position, "position");
        if (amountMinor <= 0) {
            throw new IllegalStateException("An amount is always positive, was " + amountMinor + ".");
        }
    }

    @Override
    public CommandStep step() {
        return CommandStep.REFUND;
    }
}
