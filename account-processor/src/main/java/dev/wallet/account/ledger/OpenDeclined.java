package dev.wallet.account.ledger;

import dev.wallet.schemas.avro.AccountType;
import dev.wallet.schemas.avro.CommandStep;
import dev.wallet.schemas.avro.OpenRejectionReason;
import java.util.Objects;

/**
 * An open command was declined; an existing account is unchanged apart from its sequence.
 *
 * @param reason            why: the account exists with other attributes, or the currency is
 *                          not supported
 * @param requestedType     the type the command asked for
 * @param requestedCurrency the currency the command asked for
 * @param position          the account's next sequence, or sequence 0 when it does not exist
 */
public record OpenDeclined(OpenRejectionReason reason, AccountType requestedType, String requestedCurrency,
                           Position position) implements Outcome {

    public OpenDeclined {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(requestedType, "requestedType");
        Objects.requireNonNull(requestedCurrency, "requestedCurrency");
        Objects.requireNonNull(position, "position");
    }

    @Override
    public CommandStep step() {
        return CommandStep.OPEN;
    }
}
