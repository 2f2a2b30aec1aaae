package dev.wallet.saga.definition;

import static dev.wallet.saga.SagaFixtures.ALICE;
import static dev.wallet.saga.SagaFixtures.AMOUNT_MINOR;
import static dev.wallet.saga.SagaFixtures.BOB;
import static dev.wallet.saga.SagaFixtures.EUR;
import static dev.wallet.saga.SagaFixtures.NOW_MS;
import static dev.wallet.saga.SagaFixtures.TX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.saga.SagaFixtures;
import dev.wallet.saga.store.avro.SagaFailureReason;
import dev.wallet.saga.store.avro.SagaPhase;
import dev.wallet.saga.store.avro.TransferSagaState;
import dev.wallet.schemas.avro.AccountCommand;
import dev.wallet.schemas.avro.CommandStep;
import dev.wallet.schemas.avro.CreditAccount;
import dev.wallet.schemas.avro.CreditRejectionReason;
import dev.wallet.schemas.avro.DebitAccount;
import dev.wallet.schemas.avro.DebitRejectionReason;
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
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The saga without a broker: given a stored state and an input, expect this state, these commands
 * and these events.
 */
class TransferSagaDefinitionTest {

    private static final long LATER_MS = NOW_MS + 500;

    // --- new requests ---------------------------------------------------------------------------

    @Test
    void shouldAcceptValidRequestAndDebitSource() {
        final SagaDecision decision = TransferSagaDefinition.onRequest(null, SagaFixtures.request(), NOW_MS);

        assertThat(decision.state().getPhase()).isEqualTo(SagaPhase.ACCEPTED);
        assertThat(decision.state().getStartedAtMs()).isEqualTo(NOW_MS);
        assertThat(onlyCommand(decision)).isEqualTo(new AccountCommand(ALICE, TX, CommandStep.DEBIT,
                Instant.ofEpochMilli(NOW_MS), new DebitAccount(AMOUNT_MINOR, EUR)));
        final TransferEvent event = onlyEvent(decision);
        assertThat(event.getPhase()).isEqualTo(TransferPhase.ACCEPTED);
        assertThat(event.getBody()).isEqualTo(new TransferAccepted(SagaFixtures.request().getRequestedAt(),
                SagaFixtures.request().getDeadline()));
        assertThat(event.getFromAccount()).isEqualTo(ALICE);
        assertThat(event.getToAccount()).isEqualTo(BOB);
        assertThat(event.getAmountMinor()).isEqualTo(AMOUNT_MINOR);
    }

    @Test
    void shouldFailSameAccountTransferWithoutAskingAnyAccount() {
        final SagaDecision decision = TransferSagaDefinition.onRequest(null,
                SagaFixtures.request(TX, ALICE, ALICE, AMOUNT_MINOR, EUR), NOW_MS);

        assertFailedAtOnce(decision, TransferFailureReason.SAME_ACCOUNT);
    }

    @Test
    void shouldFailABlankSourceAccountAsNotFoundWithoutAskingAnyAccount() {
        final SagaDecision decision = TransferSagaDefinition.onRequest(null,
                SagaFixtures.request(TX, " ", BOB, AMOUNT_MINOR, EUR), NOW_MS);

        assertFailedAtOnce(decision, TransferFailureReason.SOURCE_ACCOUNT_NOT_FOUND);
    }

    @Test
    void shouldFailABlankDestinationAccountAsNotFoundWithoutAskingAnyAccount() {
        // Debiting first would strand the money: a credit to a blank account id is no command at all.
        final SagaDecision decision = TransferSagaDefinition.onRequest(null,
                SagaFixtures.request(TX, ALICE, "", AMOUNT_MINOR, EUR), NOW_MS);

        assertFailedAtOnce(decision, TransferFailureReason.DESTINATION_ACCOUNT_NOT_FOUND);
    }

    @ParameterizedTest
    @CsvSource({"0", "-1"})
    void shouldFailNonPositiveAmountWithoutAskingAnyAccount(final long amountMinor) {
        final SagaDecision decision = TransferSagaDefinition.onRequest(null,
                SagaFixtures.request(TX, ALICE, BOB, amountMinor, EUR), NOW_MS);

        assertFailedAtOnce(decision, TransferFailureReason.INVALID_AMOUNT);
    }

    @Test
    void shouldFailRequestSeenAfterItsDeadlineWithoutAskingAnyAccount() {
        final SagaDecision decision = TransferSagaDefinition.onRequest(null,
                SagaFixtures.requestWithDeadline(Instant.ofEpochMilli(NOW_MS - 1)), NOW_MS);

        assertFailedAtOnce(decision, TransferFailureReason.EXPIRED);
    }

    @Test
    void shouldStartRequestSeenExactlyAtItsDeadline() {
        final SagaDecision decision = TransferSagaDefinition.onRequest(null,
                SagaFixtures.requestWithDeadline(Instant.ofEpochMilli(NOW_MS)), NOW_MS);

        assertThat(decision.state().getPhase()).isEqualTo(SagaPhase.ACCEPTED);
    }

    // --- step 1: debit the source ---------------------------------------------------------------

    @Test
    void shouldCreditDestinationOnceSourceIsDebited() {
        final SagaDecision decision = TransferSagaDefinition.onReply(accepted(), SagaFixtures.debited(ALICE, TX, 5), LATER_MS);

        assertThat(decision.state().getPhase()).isEqualTo(SagaPhase.DEBITED);
        assertThat(decision.state().getSourceSequence()).isEqualTo(5L);
        assertThat(onlyCommand(decision)).isEqualTo(new AccountCommand(BOB, TX, CommandStep.CREDIT,
                Instant.ofEpochMilli(LATER_MS), new CreditAccount(AMOUNT_MINOR, EUR)));
        assertThat(onlyEvent(decision).getBody()).isEqualTo(new TransferDebited(5L));
        assertThat(onlyEvent(decision).getPhase()).isEqualTo(TransferPhase.DEBITED);
    }

    @ParameterizedTest
    @CsvSource({
        "ACCOUNT_NOT_FOUND, SOURCE_ACCOUNT_NOT_FOUND",
        "CURRENCY_MISMATCH, SOURCE_CURRENCY_MISMATCH",
        "INSUFFICIENT_FUNDS, INSUFFICIENT_FUNDS",
        "TRANSFER_CANCELLED, TRANSFER_CANCELLED"})
    void shouldFailWithoutRefundWhenDebitIsDeclined(final DebitRejectionReason declined,
                                                     final TransferFailureReason expected) {
        final SagaDecision decision = TransferSagaDefinition.onReply(accepted(),
                SagaFixtures.debitRejected(ALICE, TX, declined), LATER_MS);

        assertThat(decision.state().getPhase()).isEqualTo(SagaPhase.FAILED);
        assertThat(decision.commands()).isEmpty();
        assertThat(onlyEvent(decision).getBody()).isEqualTo(new TransferFailed(expected, false));
        assertThat(onlyEvent(decision).getPhase()).isEqualTo(TransferPhase.FAILED);
    }

    // --- step 2: credit the destination ---------------------------------------------------------

    @Test
    void shouldCompleteWithBothSequencesOnceDestinationIsCredited() {
        final SagaDecision decision = TransferSagaDefinition.onReply(debited(), SagaFixtures.credited(BOB, TX, 3), LATER_MS);

        assertThat(decision.state().getPhase()).isEqualTo(SagaPhase.COMPLETED);
        assertThat(decision.commands()).isEmpty();
        assertThat(onlyEvent(decision).getBody()).isEqualTo(new TransferCompleted(5L, 3L));
        assertThat(onlyEvent(decision).getPhase()).isEqualTo(TransferPhase.COMPLETED);
    }

    @ParameterizedTest
    @CsvSource({
        "ACCOUNT_NOT_FOUND, DESTINATION_ACCOUNT_NOT_FOUND",
        "CURRENCY_MISMATCH, DESTINATION_CURRENCY_MISMATCH",
        "BALANCE_OVERFLOW, DESTINATION_BALANCE_OVERFLOW"})
    void shouldRefundSourceWhenCreditIsDeclined(final CreditRejectionReason declined,
                                                final TransferFailureReason expected) {
        final SagaDecision decision = TransferSagaDefinition.onReply(debited(),
                SagaFixtures.creditRejected(BOB, TX, declined), LATER_MS);

        assertThat(decision.state().getPhase()).isEqualTo(SagaPhase.COMPENSATING);
        assertThat(onlyCommand(decision)).isEqualTo(new AccountCommand(ALICE, TX, CommandStep.REFUND,
                Instant.ofEpochMilli(LATER_MS), new RefundAccount(AMOUNT_MINOR, EUR)));
        assertThat(onlyEvent(decision).getBody()).isEqualTo(new TransferCompensating(expected));
    }

    // --- compensation of step 1: refund the source ----------------------------------------------

    @Test
    void shouldFailRefundedWithCreditReasonOnceSourceIsRefunded() {
        final SagaDecision decision = TransferSagaDefinition.onReply(
                compensating(SagaFailureReason.DESTINATION_CURRENCY_MISMATCH), SagaFixtures.refunded(ALICE, TX, 6), LATER_MS);

        assertThat(decision.state().getPhase()).isEqualTo(SagaPhase.FAILED);
        assertThat(decision.state().getRefunded()).isTrue();
        assertThat(decision.commands()).isEmpty();
        assertThat(onlyEvent(decision).getBody()).isEqualTo(
                new TransferFailed(TransferFailureReason.DESTINATION_CURRENCY_MISMATCH, true));
    }

    // --- duplicates -----------------------------------------------------------------------------

    @Test
    void shouldAnswerSamePayloadWithCurrentPhaseAndStartNothing() {
        final TransferSagaState original = debited();
        final SagaDecision decision = TransferSagaDefinition.onRequest(original, SagaFixtures.request(), LATER_MS);

        assertThat(decision.state()).isNull();
        assertThat(decision.commands()).isEmpty();
        assertThat(onlyEvent(decision).getPhase()).isEqualTo(TransferPhase.DEBITED);
        assertThat(onlyEvent(decision).getBody()).isEqualTo(new TransferDuplicate(null));
    }

    @Test
    void shouldAnswerDuplicateOfFailedTransferWithItsReason() {
        final TransferSagaState original = SagaStates.failed(accepted(), SagaFailureReason.INSUFFICIENT_FUNDS, false, NOW_MS);
        final SagaDecision decision = TransferSagaDefinition.onRequest(original, SagaFixtures.request(), LATER_MS);

        assertThat(onlyEvent(decision).getPhase()).isEqualTo(TransferPhase.FAILED);
        assertThat(onlyEvent(decision).getBody())
                .isEqualTo(new TransferDuplicate(TransferFailureReason.INSUFFICIENT_FUNDS));
    }

    @Test
    void shouldRefuseDifferentPayloadAsConflictCarryingOriginalPayload() {
        final SagaDecision decision = TransferSagaDefinition.onRequest(accepted(),
                SagaFixtures.request(TX, ALICE, BOB, AMOUNT_MINOR + 1, EUR), LATER_MS);

        assertThat(decision.state()).isNull();
        assertThat(decision.commands()).isEmpty();
        final TransferEvent event = onlyEvent(decision);
        assertThat(event.getAmountMinor()).isEqualTo(AMOUNT_MINOR);
        assertThat(event.getBody()).isEqualTo(new TransferDuplicateConflict(ALICE, BOB, AMOUNT_MINOR + 1, EUR));
    }

    @Test
    void shouldTreatSamePayloadWithOtherDeadlineAsDuplicate() {
        final SagaDecision decision = TransferSagaDefinition.onRequest(accepted(),
                SagaFixtures.requestWithDeadline(Instant.ofEpochMilli(NOW_MS - 10_000)), LATER_MS);

        assertThat(onlyEvent(decision).getBody()).isInstanceOf(TransferDuplicate.class);
    }

    // --- answers that must not move the saga ----------------------------------------------------

    @Test
    void shouldIgnoreAnswerToRepeatedCommand() {
        final SagaDecision decision = TransferSagaDefinition.onReply(accepted(),
                SagaFixtures.repeated(SagaFixtures.debited(ALICE, TX, 5)), LATER_MS);

        assertThat(decision.ignored()).isEqualTo(IgnoredReply.REPEATED);
    }

    @Test
    void shouldIgnoreAnswerOfUnknownTransaction() {
        final SagaDecision decision = TransferSagaDefinition.onReply(null, SagaFixtures.debited(ALICE, TX, 5), LATER_MS);

        assertThat(decision.ignored()).isEqualTo(IgnoredReply.UNKNOWN_TRANSACTION);
    }

    @Test
    void shouldIgnoreAnswerOfEndedSaga() {
        final TransferSagaState completed = SagaStates.completed(debited(), 3, NOW_MS);
        final SagaDecision decision = TransferSagaDefinition.onReply(completed, SagaFixtures.credited(BOB, TX, 3), LATER_MS);

        assertThat(decision.ignored()).isEqualTo(IgnoredReply.SAGA_FINISHED);
    }

    @Test
    void shouldIgnoreAnswerOfAnotherStepThanTheAwaitedOne() {
        final SagaDecision decision = TransferSagaDefinition.onReply(accepted(), SagaFixtures.credited(BOB, TX, 3), LATER_MS);

        assertThat(decision.ignored()).isEqualTo(IgnoredReply.UNEXPECTED_STEP);
    }

    @Test
    void shouldIgnoreAnswerFromAnAccountTheStepDidNotAddress() {
        final SagaDecision decision = TransferSagaDefinition.onReply(accepted(), SagaFixtures.debited(BOB, TX, 5), LATER_MS);

        assertThat(decision.ignored()).isEqualTo(IgnoredReply.UNEXPECTED_ACCOUNT);
    }

    @Test
    void shouldIgnoreNothingToRefundForADebitThatWasConfirmed() {
        final SagaDecision decision = TransferSagaDefinition.onReply(
                compensating(SagaFailureReason.DESTINATION_ACCOUNT_NOT_FOUND), SagaFixtures.nothingToRefund(ALICE, TX), LATER_MS);

        assertThat(decision.ignored()).isEqualTo(IgnoredReply.UNEXPECTED_OUTCOME);
    }

    @Test
    void shouldIgnoreOpenAnswers() {
        final SagaDecision decision = TransferSagaDefinition.onReply(accepted(), SagaFixtures.opened(ALICE, TX), LATER_MS);

        assertThat(decision.ignored()).isEqualTo(IgnoredReply.NOT_A_TRANSFER_STEP);
    }

    @Test
    void shouldCallOnlyCompletedAndFailedTerminal() {
        assertThat(SagaPhase.values()).filteredOn(TransferSagaDefinition::isTerminal)
                .containsExactlyInAnyOrder(SagaPhase.COMPLETED, SagaPhase.FAILED);
    }

    // --- given states ---------------------------------------------------------------------------

    private static TransferSagaState accepted() {
        return TransferSagaDefinition.onRequest(null, SagaFixtures.request(), NOW_MS).state();
    }

    private static TransferSagaState debited() {
        return TransferSagaDefinition.onReply(accepted(), SagaFixtures.debited(ALICE, TX, 5), NOW_MS).state();
    }

    private static TransferSagaState compensating(final SagaFailureReason reason) {
        return SagaStates.compensating(debited(), reason, NOW_MS);
    }

    private static void assertFailedAtOnce(final SagaDecision decision, final TransferFailureReason reason) {
        assertThat(decision.state().getPhase()).isEqualTo(SagaPhase.FAILED);
        assertThat(decision.state().getRefunded()).isFalse();
        assertThat(decision.commands()).isEmpty();
        assertThat(onlyEvent(decision).getPhase()).isEqualTo(TransferPhase.FAILED);
        assertThat(onlyEvent(decision).getBody()).isEqualTo(new TransferFailed(reason, false));
    }

    private static AccountCommand onlyCommand(final SagaDecision decision) {
        assertThat(decision.commands()).hasSize(1);
        return decision.commands().get(0);
    }

    private static TransferEvent onlyEvent(final SagaDecision decision) {
        assertThat(decision.events()).hasSize(1);
        return decision.events().get(0);
    }
}
