package dev.wallet.saga.topology;

import static dev.wallet.saga.SagaFixtures.ALICE;
import static dev.wallet.saga.SagaFixtures.AMOUNT_MINOR;
import static dev.wallet.saga.SagaFixtures.BOB;
import static dev.wallet.saga.SagaFixtures.EUR;
import static dev.wallet.saga.SagaFixtures.NOW;
import static dev.wallet.saga.SagaFixtures.TX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.saga.SagaFixtures;
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
import dev.wallet.schemas.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The saga topology in a TopologyTestDriver: one rule per case, inputs and outputs as Kafka records. */
class TransferSagaTopologyTest {

    private SagaDriver saga = new SagaDriver();

    @AfterEach
    void close() {
        saga.close();
    }

    // --- starting -------------------------------------------------------------------------------

    @Test
    void shouldPublishAcceptedAndDebitSourceKeyedByAccount() {
        saga.pipe(SagaFixtures.request());

        assertThat(saga.commands()).containsExactly(KeyValue.pair(ALICE,
                new AccountCommand(ALICE, TX, CommandStep.DEBIT, NOW, new DebitAccount(AMOUNT_MINOR, EUR))));
        final KeyValue<String, TransferEvent> accepted = onlyEvent();
        assertThat(accepted.key).isEqualTo(TX);
        assertThat(accepted.value.getPhase()).isEqualTo(TransferPhase.ACCEPTED);
        assertThat(accepted.value.getBody()).isInstanceOf(TransferAccepted.class);
    }

    @Test
    void shouldRecordNewSagaInPhaseStatusTable() {
        saga.pipe(SagaFixtures.request());

        final TransferSagaState row = saga.transfers().get(TX);
        assertThat(row.getPhase()).isEqualTo(SagaPhase.ACCEPTED);
        assertThat(row.getFromAccount()).isEqualTo(ALICE);
        assertThat(row.getToAccount()).isEqualTo(BOB);
        assertThat(row.getAmountMinor()).isEqualTo(AMOUNT_MINOR);
        assertThat(row.getCurrency()).isEqualTo(EUR);
        assertThat(row.getStartedAtMs()).isEqualTo(NOW.toEpochMilli());
        assertThat(row.getDeadlineMs()).isEqualTo(SagaFixtures.request().getDeadline().toEpochMilli());
    }

    @Test
    void shouldFailSameAccountTransferWithoutAnyCommand() {
        saga.pipe(SagaFixtures.request(TX, ALICE, ALICE, AMOUNT_MINOR, EUR));

        assertFailedWithoutCommand(TransferFailureReason.SAME_ACCOUNT);
    }

    @Test
    void shouldFailNonPositiveAmountWithoutAnyCommand() {
        saga.pipe(SagaFixtures.request(TX, ALICE, BOB, 0, EUR));

        assertFailedWithoutCommand(TransferFailureReason.INVALID_AMOUNT);
    }

    @Test
    void shouldFailRequestFirstSeenAfterDeadlineWithoutAnyCommand() {
        saga.advanceWallClock(SagaFixtures.REQUEST_TIMEOUT);

        saga.pipe(SagaFixtures.request());

        assertFailedWithoutCommand(TransferFailureReason.EXPIRED);
    }

    @Test
    void shouldJudgeDeadlineByWallClockNotRecordTimestamp() {
        // The record claims to be from long ago; only the orchestrator's clock decides expiry.
        saga.requests.pipeInput(TX, SagaFixtures.request(), NOW.minus(Duration.ofDays(1)));

        assertThat(onlyEvent().value.getPhase()).isEqualTo(TransferPhase.ACCEPTED);
    }

    // --- step 1: debit --------------------------------------------------------------------------

    @Test
    void shouldCreditDestinationKeyedByAccountOnceDebited() {
        saga.pipe(SagaFixtures.request());
        drain();

        saga.pipe(SagaFixtures.debited(ALICE, TX, 5));

        assertThat(saga.commands()).containsExactly(KeyValue.pair(BOB,
                new AccountCommand(BOB, TX, CommandStep.CREDIT, NOW, new CreditAccount(AMOUNT_MINOR, EUR))));
        assertThat(onlyEvent().value.getBody()).isEqualTo(new TransferDebited(5L));
    }

    @ParameterizedTest
    @CsvSource({
        "ACCOUNT_NOT_FOUND, SOURCE_ACCOUNT_NOT_FOUND",
        "CURRENCY_MISMATCH, SOURCE_CURRENCY_MISMATCH",
        "INSUFFICIENT_FUNDS, INSUFFICIENT_FUNDS",
        "TRANSFER_CANCELLED, TRANSFER_CANCELLED"})
    void shouldFailUnrefundedWithMappedReasonWhenDebitDeclined(final DebitRejectionReason declined,
                                                               final TransferFailureReason expected) {
        saga.pipe(SagaFixtures.request());
        drain();

        saga.pipe(SagaFixtures.debitRejected(ALICE, TX, declined));

        assertThat(saga.commands()).isEmpty();
        assertThat(onlyEvent().value.getBody()).isEqualTo(new TransferFailed(expected, false));
        assertThat(saga.transfers().get(TX).getPhase()).isEqualTo(SagaPhase.FAILED);
    }

    // --- step 2: credit -------------------------------------------------------------------------

    @Test
    void shouldCompleteWithBothSequencesOnceCredited() {
        debitedSaga();

        saga.pipe(SagaFixtures.credited(BOB, TX, 3));

        assertThat(saga.commands()).isEmpty();
        final TransferEvent completed = onlyEvent().value;
        assertThat(completed.getPhase()).isEqualTo(TransferPhase.COMPLETED);
        assertThat(completed.getBody()).isEqualTo(new TransferCompleted(5L, 3L));
        assertThat(saga.transfers().get(TX).getDestinationSequence()).isEqualTo(3L);
    }

    @ParameterizedTest
    @CsvSource({
        "ACCOUNT_NOT_FOUND, DESTINATION_ACCOUNT_NOT_FOUND",
        "CURRENCY_MISMATCH, DESTINATION_CURRENCY_MISMATCH",
        "BALANCE_OVERFLOW, DESTINATION_BALANCE_OVERFLOW"})
    void shouldRefundSourceThenFailRefundedWhenCreditDeclined(final CreditRejectionReason declined,
                                                              final TransferFailureReason expected) {
        debitedSaga();

        saga.pipe(SagaFixtures.creditRejected(BOB, TX, declined));

        assertThat(saga.commands()).containsExactly(KeyValue.pair(ALICE,
                new AccountCommand(ALICE, TX, CommandStep.REFUND, NOW, new RefundAccount(AMOUNT_MINOR, EUR))));
        assertThat(onlyEvent().value.getBody()).isEqualTo(new TransferCompensating(expected));

        saga.pipe(SagaFixtures.refunded(ALICE, TX, 6));

        assertThat(saga.commands()).isEmpty();
        assertThat(onlyEvent().value.getBody()).isEqualTo(new TransferFailed(expected, true));
    }

    // --- duplicates -----------------------------------------------------------------------------

    @Test
    void shouldAnswerDuplicateWithCurrentPhaseAndNoCommand() {
        debitedSaga();

        saga.pipe(SagaFixtures.request());

        assertThat(saga.commands()).isEmpty();
        final TransferEvent duplicate = onlyEvent().value;
        assertThat(duplicate.getPhase()).isEqualTo(TransferPhase.DEBITED);
        assertThat(duplicate.getBody()).isEqualTo(new TransferDuplicate(null));
        assertThat(saga.transfers().get(TX).getPhase()).isEqualTo(SagaPhase.DEBITED);
    }

    @Test
    void shouldAnswerDuplicateOfFailedTransferWithFailureReason() {
        saga.pipe(SagaFixtures.request(TX, ALICE, BOB, -5, EUR));
        drain();

        saga.pipe(SagaFixtures.request(TX, ALICE, BOB, -5, EUR));

        assertThat(onlyEvent().value.getBody())
                .isEqualTo(new TransferDuplicate(TransferFailureReason.INVALID_AMOUNT));
    }

    @Test
    void shouldRefuseConflictingDuplicateWithoutCommand() {
        saga.pipe(SagaFixtures.request());
        drain();

        saga.pipe(SagaFixtures.request(TX, ALICE, "carol", AMOUNT_MINOR, EUR));

        assertThat(saga.commands()).isEmpty();
        final TransferEvent conflict = onlyEvent().value;
        assertThat(conflict.getToAccount()).isEqualTo(BOB);
        assertThat(conflict.getBody()).isEqualTo(new TransferDuplicateConflict(ALICE, "carol", AMOUNT_MINOR, EUR));
    }

    // --- answers that must not move the saga ----------------------------------------------------

    @Test
    void shouldIgnoreAndCountRepeatedAnswer() {
        saga.pipe(SagaFixtures.request());
        drain();

        saga.pipe(SagaFixtures.repeated(SagaFixtures.debited(ALICE, TX, 5)));

        assertThat(saga.commands()).isEmpty();
        assertThat(saga.events()).isEmpty();
        assertThat(saga.transfers().get(TX).getPhase()).isEqualTo(SagaPhase.ACCEPTED);
        assertThat(saga.ignored("REPEATED")).isEqualTo(1.0);
    }

    @Test
    void shouldIgnoreAndCountAnswerOfStepThePhaseDoesNotAwait() {
        saga.pipe(SagaFixtures.request());
        drain();

        saga.pipe(SagaFixtures.credited(BOB, TX, 3));

        assertThat(saga.commands()).isEmpty();
        assertThat(saga.events()).isEmpty();
        assertThat(saga.transfers().get(TX).getPhase()).isEqualTo(SagaPhase.ACCEPTED);
        assertThat(saga.ignored("UNEXPECTED_STEP")).isEqualTo(1.0);
    }

    @Test
    void shouldIgnoreAndCountAnswerOfUnknownTransaction() {
        saga.pipe(SagaFixtures.nothingToRefund(ALICE, TX));

        assertThat(saga.events()).isEmpty();
        assertThat(saga.transfers().get(TX)).isNull();
        assertThat(saga.ignored("UNKNOWN_TRANSACTION")).isEqualTo(1.0);
    }

    @Test
    void shouldDropOpenAnswersBeforeTheSaga() {
        saga.pipe(SagaFixtures.request());
        drain();

        saga.pipe(SagaFixtures.opened(ALICE, TX));

        assertThat(saga.events()).isEmpty();
        assertThat(saga.transfers().get(TX).getPhase()).isEqualTo(SagaPhase.ACCEPTED);
    }

    @Test
    void shouldSkipARequestWithoutKeyCountItAndGoOn() {
        saga.requests.pipeInput(null, SagaFixtures.request(), NOW);

        saga.pipe(SagaFixtures.request());

        assertThat(onlyEvent().value.getPhase()).isEqualTo(TransferPhase.ACCEPTED);
        assertThat(saga.malformed()).isEqualTo(1.0);
    }

    @Test
    void shouldSkipARequestWhoseKeyIsNotItsTransactionId() {
        // Its saga would be stored under the key while the accounts answer under the transaction_id.
        saga.requests.pipeInput("another-key", SagaFixtures.request(), NOW);

        assertThat(saga.events()).isEmpty();
        assertThat(saga.commands()).isEmpty();
        assertThat(saga.transfers().get("another-key")).isNull();
        assertThat(saga.transfers().get(TX)).isNull();
        assertThat(saga.malformed()).isEqualTo(1.0);
    }

    @Test
    void shouldSkipAnAnswerWithoutKeyAndGoOn() {
        saga.pipe(SagaFixtures.request());
        drain();

        saga.replies.pipeInput(null, SagaFixtures.debited(ALICE, TX, 2), NOW);
        saga.pipe(SagaFixtures.debited(ALICE, TX, 2));

        assertThat(onlyEvent().value.getPhase()).isEqualTo(TransferPhase.DEBITED);
        assertThat(saga.malformed()).isEqualTo(1.0);
    }

    @Test
    void shouldSkipUndecodableRequestAndGoOn() {
        final var raw = saga.driver.createInputTopic(Topics.TRANSFER_REQUESTS.name(),
                new StringSerializer(), new ByteArraySerializer());
        raw.pipeInput(TX, new byte[] {1, 2, 3});

        saga.pipe(SagaFixtures.request());

        assertThat(onlyEvent().value.getPhase()).isEqualTo(TransferPhase.ACCEPTED);
    }

    // --- retention of the phase-status table ----------------------------------------------------

    @Test
    void shouldDeleteEndedSagaOnceRetentionPassed() {
        restartWith(SagaSettings.defaults().withTerminalRetention(Duration.ofHours(1)));
        endedSaga(TX);

        saga.advanceWallClock(Duration.ofHours(1).plusMinutes(2));

        assertThat(saga.transfers().get(TX)).isNull();
        assertThat(count(saga.endedIndex())).isZero();
        assertThat(saga.purged()).isEqualTo(1.0);
    }

    @Test
    void shouldStartANewSagaForARequestRepeatedAfterItsEndedSagaWasDeleted() {
        restartWith(SagaSettings.defaults().withTerminalRetention(Duration.ofHours(1)));
        endedSaga(TX);
        saga.advanceWallClock(Duration.ofHours(1).plusMinutes(2));
        assertThat(saga.purged()).isEqualTo(1.0);

        // The retention is the idempotency window: past it, the same request is a new saga, not a duplicate.
        saga.pipe(SagaFixtures.request(TX, ALICE, ALICE, AMOUNT_MINOR, EUR));

        final TransferEvent answer = onlyEvent().value;
        assertThat(answer.getBody()).isNotInstanceOf(TransferDuplicate.class);
        assertThat(answer.getPhase()).isEqualTo(TransferPhase.FAILED);
        assertThat(saga.transfers().get(TX).getPhase()).isEqualTo(SagaPhase.FAILED);
    }

    @Test
    void shouldKeepEndedSagaWithinRetention() {
        restartWith(SagaSettings.defaults().withTerminalRetention(Duration.ofHours(1)));
        endedSaga(TX);

        saga.advanceWallClock(Duration.ofMinutes(50));

        assertThat(saga.transfers().get(TX).getPhase()).isEqualTo(SagaPhase.FAILED);
    }

    @Test
    void shouldNeverDeleteSagaThatHasNotEnded() {
        restartWith(SagaSettings.defaults().withTerminalRetention(Duration.ofHours(1)));
        saga.pipe(SagaFixtures.request());

        saga.advanceWallClock(Duration.ofHours(3));

        assertThat(saga.transfers().get(TX).getPhase()).isEqualTo(SagaPhase.ACCEPTED);
    }

    @Test
    void shouldDeleteAtMostOneBatchPerPurgeRun() {
        restartWith(SagaSettings.defaults().withTerminalRetention(Duration.ofHours(1))
                .withPurgeInterval(Duration.ofHours(2)).withPurgeBatchMax(2));
        endedSaga("tx-1");
        endedSaga("tx-2");
        endedSaga("tx-3");

        saga.advanceWallClock(Duration.ofHours(2));

        assertThat(saga.purged()).isEqualTo(2.0);
        assertThat(count(saga.endedIndex())).isEqualTo(1);
    }

    @Test
    void shouldDeleteTheRestInTheNextRunsAndKeepWhatEndedSinceUntilItsRetentionPassed() {
        restartWith(SagaSettings.defaults().withTerminalRetention(Duration.ofHours(1))
                .withPurgeInterval(Duration.ofMinutes(30)).withPurgeBatchMax(2));
        endedSaga("tx-1");
        endedSaga("tx-2");
        endedSaga("tx-3");
        saga.advanceWallClock(Duration.ofMinutes(61));
        assertThat(saga.purged()).isEqualTo(2.0);
        endedSaga("tx-4");

        saga.advanceWallClock(Duration.ofMinutes(30));

        assertThat(saga.purged()).isEqualTo(3.0);
        assertThat(saga.transfers().get("tx-3")).isNull();
        assertThat(saga.transfers().get("tx-4")).isNotNull();
        assertThat(count(saga.endedIndex())).isEqualTo(1);

        saga.advanceWallClock(Duration.ofMinutes(32));

        assertThat(saga.purged()).isEqualTo(4.0);
        assertThat(count(saga.endedIndex())).isZero();
    }

    // --- naming ---------------------------------------------------------------------------------

    @Test
    void shouldPrefixEveryStoreAndInternalTopicWithSaga() {
        final StreamsBuilder builder = new StreamsBuilder();
        TransferSagaTopology.build(builder);
        final TopologyDescription description = builder.build().describe();

        assertThat(description.subtopologies()).flatMap(TopologyDescription.Subtopology::nodes)
                .filteredOn(node -> node instanceof TopologyDescription.Processor)
                .flatMap(node -> ((TopologyDescription.Processor) node).stores())
                .allMatch(store -> store.startsWith("saga-"))
                .contains("saga-transfers", "saga-ended-index");
        assertThat(description.subtopologies()).flatMap(TopologyDescription.Subtopology::nodes)
                .allMatch(node -> node.name().startsWith("saga-"));
    }

    @Test
    void shouldReadRequestsAndRepliesDirectlyWithoutARepartitionHop() {
        final StreamsBuilder builder = new StreamsBuilder();
        TransferSagaTopology.build(builder);
        final TopologyDescription description = builder.build().describe();

        assertThat(description.subtopologies()).singleElement()
                .satisfies(subtopology -> assertThat(subtopology.nodes())
                        .filteredOn(node -> node instanceof TopologyDescription.Source)
                        .flatMap(node -> ((TopologyDescription.Source) node).topicSet())
                        .containsExactlyInAnyOrder(Topics.TRANSFER_REQUESTS.name(), Topics.ACCOUNT_REPLIES.name()));
        assertThat(description.subtopologies()).flatMap(TopologyDescription.Subtopology::nodes)
                .filteredOn(node -> node instanceof TopologyDescription.Sink)
                .extracting(node -> ((TopologyDescription.Sink) node).topic())
                .containsExactlyInAnyOrder(Topics.ACCOUNT_COMMANDS.name(), Topics.TRANSFER_EVENTS.name());
    }

    // --- helpers --------------------------------------------------------------------------------

    private void debitedSaga() {
        saga.pipe(SagaFixtures.request());
        saga.pipe(SagaFixtures.debited(ALICE, TX, 5));
        drain();
    }

    private void restartWith(final SagaSettings settings) {
        saga.close();
        saga = new SagaDriver(settings);
    }

    private void endedSaga(final String transactionId) {
        saga.pipe(SagaFixtures.request(transactionId, ALICE, ALICE, AMOUNT_MINOR, EUR));
        drain();
    }

    private void drain() {
        saga.commands();
        saga.events();
    }

    private KeyValue<String, TransferEvent> onlyEvent() {
        final List<KeyValue<String, TransferEvent>> events = saga.events();
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private void assertFailedWithoutCommand(final TransferFailureReason reason) {
        assertThat(saga.commands()).isEmpty();
        final TransferEvent failed = onlyEvent().value;
        assertThat(failed.getPhase()).isEqualTo(TransferPhase.FAILED);
        assertThat(failed.getBody()).isEqualTo(new TransferFailed(reason, false));
    }

    private static long count(final org.apache.kafka.streams.state.KeyValueStore<String, String> store) {
        try (var all = store.all()) {
            long count = 0;
            while (all.hasNext()) {
                all.next();
                count++;
            }
            return count;
        }
    }
}
