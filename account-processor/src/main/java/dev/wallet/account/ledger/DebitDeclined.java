package dev.wallet.account.ledger;

import dev.wallet.schemas.avro.CommandStep;
import dev.wallet.schemas.avro.DebitRejectionReason;
import java.util.Objects;

/**
 * A debit was declined and no money moved.
 *
 * @param reason      why, one symbol per reason
 * @param amountMinor the amount the debit asked for, in minor units
 * @param position    the account's next sequence with its unchanged balance, or sequence 0 when it does not
 *                    exist
 */
public record DebitDeclined(DebitRejectionReason reason, long amountMinor, Position position) implements Outcome {

    public DebitDeclined {
        Objects.requireNonNull(reason, "reason");
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
