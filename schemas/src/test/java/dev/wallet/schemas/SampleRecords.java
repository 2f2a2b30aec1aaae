package dev.wallet.schemas;

import dev.wallet.schemas.avro.AccountCommand;
import dev.wallet.schemas.avro.AccountCredited;
import dev.wallet.schemas.avro.AccountDebited;
import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.avro.AccountOpenRejected;
import dev.wallet.schemas.avro.AccountOpened;
import dev.wallet.schemas.avro.AccountRefunded;
import dev.wallet.schemas.avro.AccountType;
import dev.wallet.schemas.avro.CommandStep;
import dev.wallet.schemas.avro.CreditAccount;
import dev.wallet.schemas.avro.CreditRejected;
import dev.wallet.schemas.avro.CreditRejectionReason;
import dev.wallet.schemas.avro.DebitAccount;
import dev.wallet.schemas.avro.DebitRejected;
import dev.wallet.schemas.avro.DebitRejectionReason;
import dev.wallet.schemas.avro.NothingToRefund;
import dev.wallet.schemas.avro.OpenAccount;
import dev.wallet.schemas.avro.OpenRejectionReason;
import dev.wallet.schemas.avro.RefundAccount;
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
import dev.wallet.schemas.avro.TransferRequest;
import java.time.Instant;
import java.util.List;

/** One sample of every record type, for serde and evolution tests. */
public final class SampleRecords {

    public static final Instant AT = Instant.parse("2026-11-22T08:00:00Z");
    public static final String TX = "5b0f5a1e-8f0e-4c4e-9a59-2f0c6a1d7e11";

    private SampleRecords() {
    }

    public static TransferRequest transferRequest() {
        return TransferRequest.newBuilder()
                .setTransactionId(TX).setFromAccount("alice").setToAccount("bob")
                .setAmountMinor(1_250).setCurrency("USD")
                .setRequestedAt(AT).setDeadline(AT.plusSeconds(30))
                .build();
    }

    /** One command per body type. */
    public static List<AccountCommand> accountCommands() {
        return List.of(
                command(CommandStep.OPEN, new OpenAccount(AccountType.USER, "USD")),
                command(CommandStep.DEBIT, new DebitAccount(1_250L, "USD")),
                command(CommandStep.CREDIT, new CreditAccount(1_250L, "USD")),
                command(CommandStep.REFUND, new RefundAccount(1_250L, "USD")));
    }

    /** One event per body type. */
    public static List<AccountEvent> accountEvents() {
        return List.of(
                event(CommandStep.OPEN, 1, 0, new AccountOpened(AccountType.USER)),
                event(CommandStep.OPEN, 2, 0, new AccountOpenRejected(
                        OpenRejectionReason.ACCOUNT_EXISTS_WITH_OTHER_ATTRIBUTES, AccountType.SYSTEM, "EUR")),
                event(CommandStep.DEBIT, 3, 8_750, new AccountDebited(1_250L)),
                event(CommandStep.DEBIT, 4, 8_750, new DebitRejected(DebitRejectionReason.INSUFFICIENT_FUNDS, 99_999L)),
                event(CommandStep.CREDIT, 5, 10_000, new AccountCredited(1_250L)),
                event(CommandStep.CREDIT, 0, 0, new CreditRejected(CreditRejectionReason.ACCOUNT_NOT_FOUND, 1_250L)),
                event(CommandStep.REFUND, 6, 11_250, new AccountRefunded(1_250L)),
                event(CommandStep.REFUND, 7, 11_250, new NothingToRefund(1_250L)));
    }

    /** One transfer event per body type. */
    public static List<TransferEvent> transferEvents() {
        return List.of(
                transferEvent(TransferPhase.ACCEPTED, new TransferAccepted(AT, AT.plusSeconds(30))),
                transferEvent(TransferPhase.DEBITED, new TransferDebited(3L)),
                transferEvent(TransferPhase.COMPENSATING,
                        new TransferCompensating(TransferFailureReason.DESTINATION_ACCOUNT_NOT_FOUND)),
                transferEvent(TransferPhase.COMPLETED, new TransferCompleted(3L, 5L)),
                transferEvent(TransferPhase.FAILED, new TransferFailed(TransferFailureReason.INSUFFICIENT_FUNDS, false)),
                transferEvent(TransferPhase.FAILED, new TransferDuplicate(TransferFailureReason.INSUFFICIENT_FUNDS)),
                transferEvent(TransferPhase.COMPLETED, new TransferDuplicateConflict("alice", "carol", 1L, "USD")));
    }

    private static AccountCommand command(final CommandStep step, final Object body) {
        return AccountCommand.newBuilder()
                .setAccountId("alice").setTransactionId(TX).setStep(step).setIssuedAt(AT).setBody(body)
                .build();
    }

    private static AccountEvent event(final CommandStep step, final long sequence, final long balanceAfter,
                                      final Object body) {
        return AccountEvent.newBuilder()
                .setAccountId("alice").setSequence(sequence).setBalanceAfterMinor(balanceAfter)
                .setCurrency("USD").setTransactionId(TX).setStep(step).setOccurredAt(AT).setBody(body)
                .build();
    }

    private static TransferEvent transferEvent(final TransferPhase phase, final Object body) {
        return TransferEvent.newBuilder()
                .setTransactionId(TX).setFromAccount("alice").setToAccount("bob")
                .setAmountMinor(1_250).setCurrency("USD").setPhase(phase).setOccurredAt(AT).setBody(body)
                .build();
    }
}
