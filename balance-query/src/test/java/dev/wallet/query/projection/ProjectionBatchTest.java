package dev.wallet.query.projection;

import static dev.wallet.query.support.Events.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.query.support.Events;
import dev.wallet.schemas.avro.TransferPhase;
import org.junit.jupiter.api.Test;

class ProjectionBatchTest {

    @Test
    void shouldKeepOneAccountRowWithTheHighestSequence() {
        final ProjectionBatch batch = new ProjectionBatch();
        batch.addAccountEvent(Events.credited("a", 3, 300, 100, "t2", at(2)));
        batch.addAccountEvent(Events.opened("a", at(0)));
        batch.addAccountEvent(Events.credited("a", 2, 200, 200, "t1", at(1)));

        assertThat(batch.accountRows()).singleElement().satisfies(row -> {
            assertThat(row.sequence()).isEqualTo(3);
            assertThat(row.balanceMinor()).isEqualTo(300);
            assertThat(row.accountType()).isEqualTo("USER");
            assertThat(row.openedAtMs()).isEqualTo(at(0).toEpochMilli());
        });
        assertThat(batch.ledgerRows()).hasSize(3);
    }

    @Test
    void shouldSignDebitsNegativeAndRejectionsZero() {
        final ProjectionBatch batch = new ProjectionBatch();
        batch.addAccountEvent(Events.debited("a", 4, 50, 150, "t", at(0)));
        batch.addAccountEvent(Events.debitRejected("a", 5, 50, 900, "t2", at(1)));

        assertThat(batch.ledgerRows()).extracting(LedgerRow::amountMinor).containsExactly(-150L, 0L);
        assertThat(batch.ledgerRows()).extracting(LedgerRow::requestedMinor).containsExactly(150L, 900L);
    }

    @Test
    void shouldIgnoreRepeatedEventsButCountThem() {
        final ProjectionBatch batch = new ProjectionBatch();
        batch.addAccountEvent(Events.repeated(Events.credited("a", 2, 200, 200, "t1", at(1))));

        assertThat(batch.ledgerRows()).isEmpty();
        assertThat(batch.accountRows()).isEmpty();
        assertThat(batch.repeatedEvents()).isEqualTo(1);
        assertThat(batch.events()).isEqualTo(1);
    }

    @Test
    void shouldRouteSequenceZeroToUnknownAccountRows() {
        final ProjectionBatch batch = new ProjectionBatch();
        batch.addAccountEvent(Events.debitRejected("ghost", 0, 0, 900, "t", at(0)));

        assertThat(batch.ledgerRows()).isEmpty();
        assertThat(batch.accountRows()).isEmpty();
        assertThat(batch.unknownAccountRows()).singleElement()
                .satisfies(row -> assertThat(row.reason()).isEqualTo("ACCOUNT_NOT_FOUND"));
    }

    @Test
    void shouldMergeTransferEventsIntoTheFurthestPhaseKeepingEarlierFacts() {
        final ProjectionBatch batch = new ProjectionBatch();
        batch.addTransferEvent(Events.completed("t", "a", "b", 100, 4, 7, at(2)), 0, 2);
        batch.addTransferEvent(Events.accepted("t", "a", "b", 100, at(0)), 0, 0);
        batch.addTransferEvent(Events.debitedTransfer("t", "a", "b", 100, 4, at(1)), 0, 1);

        assertThat(batch.transferRows()).singleElement().satisfies(row -> {
            assertThat(row.phase()).isEqualTo("COMPLETED");
            assertThat(row.requestedAtMs()).isEqualTo(at(0).toEpochMilli());
            assertThat(row.destinationSequence()).isEqualTo(7);
            assertThat(row.finishedAtMs()).isEqualTo(at(2).toEpochMilli());
        });
    }

    @Test
    void shouldKeepDuplicatesOutOfTheTransferUpsert() {
        final ProjectionBatch batch = new ProjectionBatch();
        batch.addTransferEvent(Events.accepted("t", "a", "b", 100, at(0)), 1, 10);
        batch.addTransferEvent(Events.duplicate("t", "a", "b", 100, TransferPhase.COMPLETED, at(1)), 1, 11);

        assertThat(batch.transferRows()).singleElement()
                .satisfies(row -> assertThat(row.phase()).isEqualTo("ACCEPTED"));
        assertThat(batch.duplicateOnlyTransferRows()).isEmpty();
        assertThat(batch.duplicateRows()).singleElement()
                .satisfies(row -> assertThat(row.offset()).isEqualTo(11));
    }

    @Test
    void shouldKeepTheHighestOffsetPerPartition() {
        final ProjectionBatch batch = new ProjectionBatch();
        batch.addProgress("topic", 0, 5, 100);
        batch.addProgress("topic", 0, 9, 50);
        batch.addProgress("topic", 1, 3, 70);

        assertThat(batch.progressRows()).containsExactlyInAnyOrder(
                new ProgressRow("topic", 0, 9, 100), new ProgressRow("topic", 1, 3, 70));
    }
}
