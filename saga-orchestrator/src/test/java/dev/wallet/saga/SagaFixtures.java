package dev.wallet.saga;

import dev.wallet.schemas.avro.AccountCredited;
import dev.wallet.schemas.avro.AccountDebited;
import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.avro.AccountOpened;
import dev.wallet.schemas.avro.AccountRefunded;
import dev.wallet.schemas.avro.AccountType;
import dev.wallet.schemas.avro.CommandStep;
import dev.wallet.schemas.avro.CreditRejected;
import dev.wallet.schemas.avro.CreditRejectionReason;
import dev.wallet.schemas.avro.DebitRejected;
import dev.wallet.schemas.avro.DebitRejectionReason;
import dev.wallet.schemas.avro.NothingToRefund;
import dev.wallet.schemas.avro.TransferRequest;
import java.time.Duration;
import java.time.Instant;

/** Requests and account answers for saga tests, built the way the API and the account processor write them. */
public final class SagaFixtures {

    /** The orchestrator's clock in tests. */
    public static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

    /** Epoch milliseconds of {@link #NOW}. */
    public static final long NOW_MS = NOW.toEpochMilli();

    /** How long before {@link #NOW} the API accepted the test requests. */
    public static final Duration REQUEST_AGE = Duration.ofSeconds(1);

    /** The deadline of the test requests, relative to their acceptance. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public static final String TX = "0b9c1f0e-6f1e-4b53-9a55-1f6d1d6c7a01";
    public static final String ALICE = "alice";
    public static final String BOB = "bob";
    public static final String EUR = "EUR";
    public static final long AMOUNT_MINOR = 1_250;

    private SagaFixtures() {
    }

    /** Alice sends Bob 12.50 EUR, accepted a second ago with a 30 s deadline. */
    public static TransferRequest request() {
        return request(TX, ALICE, BOB, AMOUNT_MINOR, EUR);
    }

    public static TransferRequest request(final String transactionId, final String from, final String to,
                                          final long amountMinor, final String currency) {
        final Instant requestedAt = NOW.minus(REQUEST_AGE);
        return new TransferRequest(transactionId, from, to, amountMinor, currency, requestedAt,
                requestedAt.plus(REQUEST_TIMEOUT));
    }

    /** {@link #request()} with another deadline. */
    public static TransferRequest requestWithDeadline(final Instant deadline) {
        final TransferRequest request = request();
        request.setDeadline(deadline);
        return request;
    }

    public static AccountEvent debited(final String accountId, final String transactionId, final long sequence) {
        return event(accountId, transactionId, CommandStep.DEBIT, sequence, new AccountDebited(AMOUNT_MINOR));
    }

    public static AccountEvent debitRejected(final String accountId, final String transactionId,
                                             final DebitRejectionReason reason) {
        final long sequence = reason == DebitRejectionReason.ACCOUNT_NOT_FOUND ? 0 : 7;
        return event(accountId, transactionId, CommandStep.DEBIT, sequence, new DebitRejected(reason, AMOUNT_MINOR));
    }

    public static AccountEvent credited(final String accountId, final String transactionId, final long sequence) {
        return event(accountId, transactionId, CommandStep.CREDIT, sequence, new AccountCredited(AMOUNT_MINOR));
    }

    public static AccountEvent creditRejected(final String accountId, final String transactionId,
                                              final CreditRejectionReason reason) {
        final long sequence = reason == CreditRejectionReason.ACCOUNT_NOT_FOUND ? 0 : 4;
        return event(accountId, transactionId, CommandStep.CREDIT, sequence, new CreditRejected(reason, AMOUNT_MINOR));
    }

    public static AccountEvent refunded(final String accountId, final String transactionId, final long sequence) {
        return event(accountId, transactionId, CommandStep.REFUND, sequence, new AccountRefunded(AMOUNT_MINOR));
    }

    public static AccountEvent nothingToRefund(final String accountId, final String transactionId) {
        return event(accountId, transactionId, CommandStep.REFUND, 9, new NothingToRefund(AMOUNT_MINOR));
    }

    public static AccountEvent opened(final String accountId, final String transactionId) {
        return event(accountId, transactionId, CommandStep.OPEN, 1, new AccountOpened(AccountType.USER));
    }

    /** {@code event} as the answer to a repeated command. */
    public static AccountEvent repeated(final AccountEvent event) {
        final AccountEvent copy = AccountEvent.newBuilder(event).build();
        copy.setRepeated(true);
        return copy;
    }

    private static AccountEvent event(final String accountId, final String transactionId, final CommandStep step,
                                      final long sequence, final Object body) {
        return AccountEvent.newBuilder()
                .setAccountId(accountId)
                .setSequence(sequence)
                .setBalanceAfterMinor(0)
                .setCurrency(EUR)
                .setTransactionId(transactionId)
                .setStep(step)
                .setOccurredAt(NOW)
                .setRepeated(false)
                .setBody(body)
                .build();
    }
}
