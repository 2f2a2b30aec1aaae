package dev.wallet.account.ledger;

import dev.wallet.schemas.avro.CommandStep;
import java.util.Objects;

/**
 * A refund came for a transaction whose debit was never applied to this account: no money moved,
 * and the transaction is cancelled for this account, so a later debit of it is declined {@code
 * TRANSFER_CANCELLED}.
 *
 * @param amountMinor the amount the refund asked for, in minor units; none of it applied
 * @param position    the account's next sequence with its unchanged balance, or sequence 0 when it does not
 *                    exist
 */
public record NoDebitToRefund(long amountMinor, Position position) implements Outcome {

    public NoDebitToRefund {
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
