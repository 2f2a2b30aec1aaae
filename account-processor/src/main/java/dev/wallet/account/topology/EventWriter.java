package dev.wallet.account.topology;

import dev.wallet.account.ledger.CreditDeclined;
import dev.wallet.account.ledger.Credited;
import dev.wallet.account.ledger.DebitDeclined;
import dev.wallet.account.ledger.Debited;
import dev.wallet.account.ledger.Decision;
import dev.wallet.account.ledger.NoDebitToRefund;
import dev.wallet.account.ledger.OpenDeclined;
import dev.wallet.account.ledger.Opened;
import dev.wallet.account.ledger.Outcome;
import dev.wallet.account.ledger.Position;
import dev.wallet.account.ledger.Refunded;
import dev.wallet.schemas.avro.AccountCommand;
import dev.wallet.schemas.avro.AccountCredited;
import dev.wallet.schemas.avro.AccountDebited;
import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.avro.AccountOpenRejected;
import dev.wallet.schemas.avro.AccountOpened;
import dev.wallet.schemas.avro.AccountRefunded;
import dev.wallet.schemas.avro.CreditRejected;
import dev.wallet.schemas.avro.DebitRejected;
import dev.wallet.schemas.avro.NothingToRefund;
import java.time.Instant;

/** Writes a ledger {@link Decision} as the {@link AccountEvent} that answers its command. */
final class EventWriter {

    private EventWriter() {
    }

    /**
     * The event answering {@code command} with {@code decision}: the outcome's position (the
     * original one for a repeat), the command's transaction_id and step.
     */
    static AccountEvent toEvent(final AccountCommand command, final Decision decision) {
        final Outcome outcome = decision.outcome();
        final Position position = outcome.position();
        return new AccountEvent(command.getAccountId(), position.sequence(), position.balanceAfterMinor(),
                position.currency(), command.getTransactionId(), command.getStep(),
                Instant.ofEpochMilli(position.occurredAtMs()), decision.repeated(), bodyOf(outcome));
    }

    private static Object bodyOf(final Outcome outcome) {
        if (outcome instanceof Debited debited) {
            return new AccountDebited(debited.amountMinor());
        }
        if (outcome instanceof Credited credited) {
            return new AccountCredited(credited.amountMinor());
        }
        if (outcome instanceof DebitDeclined declined) {
            return new DebitRejected(declined.reason(), declined.amountMinor());
        }
        if (outcome instanceof CreditDeclined declined) {
            return new CreditRejected(declined.reason(), declined.amountMinor());
        }
        if (outcome instanceof Refunded refunded) {
            return new AccountRefunded(refunded.amountMinor());
        }
        if (outcome instanceof NoDebitToRefund nothing) {
            return new NothingToRefund(nothing.amountMinor());
        }
        if (outcome instanceof Opened opened) {
            return new AccountOpened(opened.accountType());
        }
        final OpenDeclined declined = (OpenDeclined) outcome;
        return new AccountOpenRejected(declined.reason(), declined.requestedType(), declined.requestedCurrency());
    }
}
