package dev.wallet.query.support;

import dev.wallet.schemas.avro.AccountCredited;
import dev.wallet.schemas.avro.AccountDebited;
import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.avro.AccountOpenRejected;
import dev.wallet.schemas.avro.AccountOpened;
import dev.wallet.schemas.avro.AccountRefunded;
import dev.wallet.schemas.avro.AccountType;
import dev.wallet.schemas.avro.CommandStep;
import dev.wallet.schemas.avro.CreditRejected;
import dev.wallet.schemas.avro.CreditRejectionReason;
import dev.wallet.schemas.avro.DebitRejected;
import dev.wallet.schemas.avro.DebitRejectionReason;
import dev.wallet.schemas.avro.NothingToRefund;
import dev.wallet.schemas.avro.OpenRejectionReason;
import dev.wallet.schemas.avro.TransferAccepted;
import dev.wallet.schemas.avro.TransferCompensating;
import dev.wallet.schemas.avro.TransferCompleted;
import dev.wallet.schemas.avro.TransferDebited;
import dev.wallet.schemas.avro.TransferDuplicate;
import dev.wallet.schemas.avro.TransferDuplicateConflict;
import dev.wallet.schemas.avro.TransferEvent;
import dev.wallet.schemas.avro.TransferFailed;
import dev.wallet.schemas.avro.TransferFailureReason;
import dev.wallet.schemas.avro.TransferPhase;
import java.time.Instant;
import java.util.UUID;

/** Builders of the events the write side emits, with explicit sequences, balances and times. */
public final class Events {

    public static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

    private Events() {
    }

    public static String newId(final String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    public static Instant at(final int second) {
        return T0.plusSeconds(second);
    }

    public static AccountEvent opened(final String account, final Instant at) {
        return account(account, 1, 0, CommandStep.OPEN, newId("open"), at, new AccountOpened(AccountType.USER));
    }

    public static AccountEvent openRejected(final String account, final long sequence, final long balance,
                                            final Instant at) {
        return account(account, sequence, balance, CommandStep.OPEN, newId("open"), at, new AccountOpenRejected(
                OpenRejectionReason.ACCOUNT_EXISTS_WITH_OTHER_ATTRIBUTES, AccountType.SYSTEM, "EUR"));
    }

    public static AccountEvent credited(final String account, final long sequence, final long balanceAfter,
                                        final long amount, final String tx, final Instant at) {
        return account(account, sequence, balanceAfter, CommandStep.CREDIT, tx, at, new AccountCredited(amount));
    }

    public static AccountEvent debited(final String account, final long sequence, final long balanceAfter,
                                       final long amount, final String tx, final Instant at) {
        return account(account, sequence, balanceAfter, CommandStep.DEBIT, tx, at, new AccountDebited(amount));
    }

    public static AccountEvent debitRejected(final String account, final long sequence, final long balance,
                                             final long amount, final String tx, final Instant at) {
        return account(account, sequence, balance, CommandStep.DEBIT, tx, at,
                new DebitRejected(sequence == 0 ? DebitRejectionReason.ACCOUNT_NOT_FOUND
                        : DebitRejectionReason.INSUFFICIENT_FUNDS, amount));
    }

    public static AccountEvent creditRejected(final String account, final long sequence, final long balance,
                                              final long amount, final String tx, final Instant at) {
        return account(account, sequence, balance, CommandStep.CREDIT, tx, at,
                new CreditRejected(CreditRejectionReason.CURRENCY_MISMATCH, amount));
    }

    public static AccountEvent refunded(final String account, final long sequence, final long balanceAfter,
                                        final long amount, final String tx, final Instant at) {
        return account(account, sequence, balanceAfter, CommandStep.REFUND, tx, at, new AccountRefunded(amount));
    }

    public static AccountEvent nothingToRefund(final String account, final long sequence, final long balance,
                                               final long amount, final String tx, final Instant at) {
        return account(account, sequence, balance, CommandStep.REFUND, tx, at, new NothingToRefund(amount));
    }

    /** The same event, marked as the repeat of an earlier outcome. */
    public static AccountEvent repeated(final AccountEvent original) {
        return AccountEvent.newBuilder(original).setRepeated(true).build();
    }

    private static AccountEvent account(final String account, final long sequence, final long balanceAfter,
                                        final CommandStep step, final String tx, final Instant at, final Object body) {
        return AccountEvent.newBuilder().setAccountId(account).setSequence(sequence)
                .setBalanceAfterMinor(balanceAfter).setCurrency("USD").setTransactionId(tx).setStep(step)
                .setOccurredAt(at).setRepeated(false).setBody(body).build();
    }

    public static TransferEvent accepted(final String tx, final String from, final String to, final long amount,
                                         final Instant at) {
        return transfer(tx, from, to, amount, TransferPhase.ACCEPTED, at, new TransferAccepted(at, at.plusSeconds(30)));
    }

    public static TransferEvent debitedTransfer(final String tx, final String from, final String to,
                                                final long amount, final long sourceSequence, final Instant at) {
        return transfer(tx, from, to, amount, TransferPhase.DEBITED, at, new TransferDebited(sourceSequence));
    }

    public static TransferEvent compensating(final String tx, final String from, final String to, final long amount,
                                             final Instant at) {
        return transfer(tx, from, to, amount, TransferPhase.COMPENSATING, at,
                new TransferCompensating(TransferFailureReason.DESTINATION_ACCOUNT_NOT_FOUND));
    }

    public static TransferEvent completed(final String tx, final String from, final String to, final long amount,
                                          final long sourceSequence, final long destinationSequence,
                                          final Instant at) {
        return transfer(tx, from, to, amount, TransferPhase.COMPLETED, at,
                new TransferCompleted(sourceSequence, destinationSequence));
    }

    public static TransferEvent failed(final String tx, final String from, final String to, final long amount,
                                       final TransferFailureReason reason, final boolean refunded, final Instant at) {
        return transfer(tx, from, to, amount, TransferPhase.FAILED, at, new TransferFailed(reason, refunded));
    }

    public static TransferEvent duplicate(final String tx, final String from, final String to, final long amount,
                                          final TransferPhase phase, final Instant at) {
        return transfer(tx, from, to, amount, phase, at, new TransferDuplicate(null));
    }

    public static TransferEvent conflict(final String tx, final String from, final String to, final long amount,
                                         final TransferPhase phase, final Instant at) {
        return transfer(tx, from, to, amount, phase, at,
                new TransferDuplicateConflict(from, "someone-else", amount + 1, "USD"));
    }

    private static TransferEvent transfer(final String tx, final String from, final String to, final long amount,
                                          final TransferPhase phase, final Instant at, final Object body) {
        return TransferEvent.newBuilder().setTransactionId(tx).setFromAccount(from).setToAccount(to)
                .setAmountMinor(amount).setCurrency("USD").setPhase(phase).setOccurredAt(at).setBody(body).build();
    }
}
