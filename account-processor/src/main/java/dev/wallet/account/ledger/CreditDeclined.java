package dev.wallet.account.ledger;

import dev.wallet.schemas.avro.CommandStep;
import dev.wallet.schemas.avro.CreditRejectionReason;
import java.util.Objects;

/**
 * A credit was declined and no money moved.
 *
 * @param reason      why, one symbol per reason
 * @param amountMinor the amount the credit asked for, in minor units
 * @param position    the account's next sequence with its unchanged balance, or sequence 0 when it does not
 *                    exist
 */
public record CreditDeclined(CreditRejectionReason reason, long amountMinor, Position position) implements Outcome {

    public CreditDeclined {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(position, "position");
        if (amountMinor <= 0) {
            throw new IllegalStateException("An amount is always positive, was " + amountMinor + ".");
        }
    }

    @Override
    public CommandStep step() {
        return CommandStep.CREDIT;
    }
}
