package dev.wallet.query.projection;

import dev.wallet.schemas.avro.AccountCredited;
import dev.wallet.schemas.avro.AccountDebited;
import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.avro.AccountOpenRejected;
import dev.wallet.schemas.avro.AccountOpened;
import dev.wallet.schemas.avro.AccountRefunded;
import dev.wallet.schemas.avro.CreditRejected;
import dev.wallet.schemas.avro.DebitRejected;
import dev.wallet.schemas.avro.NothingToRefund;

/**
 * Turns one ledger event into the row it stands for. Money moved is signed in the row (a debit is
 * negative) so that summing {@code amount_minor} of an account gives its balance. Public so the
 * operator CLI compares the read side with the ledger through the very mapping the projector uses.
 */
public final class AccountEventRows {

    private AccountEventRows() {
    }

    /** The ledger row of an event with a sequence (not a repeat). */
    public static LedgerRow ledgerRow(final AccountEvent event) {
        final Entry entry = entryOf(event.getBody());
        return new LedgerRow(event.getAccountId(), event.getSequence(), event.getTransactionId(),
                event.getStep().name(), entry.kind(), entry.amountMinor(), entry.requestedMinor(),
                event.getBalanceAfterMinor(), event.getCurrency(), entry.accountType(), entry.reason(),
                event.getOccurredAt().toEpochMilli());
    }

    /** The support row of a rejection for an account that does not exist (sequence 0). */
    static UnknownAccountRow unknownAccountRow(final AccountEvent event) {
        final Entry entry = entryOf(event.getBody());
        return new UnknownAccountRow(event.getAccountId(), event.getTransactionId(), event.getStep().name(),
                entry.kind(), entry.reason() == null ? "ACCOUNT_NOT_FOUND" : entry.reason(),
                entry.requestedMinor(), event.getCurrency(), event.getOccurredAt().toEpochMilli());
    }

    private static Entry entryOf(final Object body) {
        if (body instanceof AccountOpened opened) {
            return new Entry(EntryKind.OPENED, 0, 0, opened.getAccountType().name(), null);
        }
        if (body instanceof AccountOpenRejected rejected) {
            return new Entry(EntryKind.OPEN_REJECTED, 0, 0, null, rejected.getReason().name());
        }
        if (body instanceof AccountDebited debited) {
            return new Entry(EntryKind.DEBITED, Math.negateExact(debited.getAmountMinor()),
                    debited.getAmountMinor(), null, null);
        }
        if (body instanceof DebitRejected rejected) {
            return new Entry(EntryKind.DEBIT_REJECTED, 0, rejected.getAmountMinor(), null, rejected.getReason().name());
        }
        if (body instanceof AccountCredited credited) {
            return new Entry(EntryKind.CREDITED, credited.getAmountMinor(), credited.getAmountMinor(), null, null);
        }
        if (body instanceof CreditRejected rejected) {
            return new Entry(EntryKind.CREDIT_REJECTED, 0, rejected.getAmountMinor(), null,
                    rejected.getReason().name());
        }
        if (body instanceof AccountRefunded refunded) {
            return new Entry(EntryKind.REFUNDED, refunded.getAmountMinor(), refunded.getAmountMinor(), null, null);
        }
        if (body instanceof NothingToRefund nothing) {
            return new Entry(EntryKind.NOTHING_TO_REFUND, 0, nothing.getAmountMinor(), null, null);
        }
        // The schema's union names every body; anything else is a broken contract, not a decline.
        throw new IllegalStateException("unknown AccountEvent body " + body.getClass().getName());
    }

    private record Entry(EntryKind kind, long amountMinor, long requestedMinor, String accountType, String reason) {
    }
}
