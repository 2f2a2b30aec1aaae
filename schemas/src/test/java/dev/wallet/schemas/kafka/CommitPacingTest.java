package dev.wallet.schemas.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedPunctuator;
import org.junit.jupiter.api.Test;

class CommitPacingTest {

    private static final long NOW = 1_800_000_000_000L;
    private static final CommitPacing.AskListener NOT_COUNTED = busy -> { };

    /** The stream thread's clock for "how long since the last record", moved by hand. */
    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    /** Interval 20 ms, busy 20 ms too, backlog age 1 s, quiet after 1 ms without a record, gathering at most 5 ms. */
    private final CommitPacing.Pacer pacer = new CommitPacing.Pacer(20, 20, 1_000, 1_000_000, 5, nanos::get,
            NOT_COUNTED);

    @Test
    void asksOnceTheThreadHasDrainedWhatItRead() {
        assertThat(pacer.recordProcessed(NOW - 5, NOW)).isTrue();
        assertThat(pacer.commitDue(NOW)).isFalse();

        quietFor(999_999);
        assertThat(pacer.commitDue(NOW)).isFalse();
        quietFor(1);
        assertThat(pacer.commitDue(NOW + 1)).isTrue();
        // Asked: nothing is owed until the next fresh record.
        quietFor(5_000_000);
        assertThat(pacer.commitDue(NOW + 6)).isFalse();
    }

    @Test
    void aRecordWhileTheThreadGathersPutsTheAskOff() {
        pacer.recordProcessed(NOW, NOW);
        quietFor(800_000);
        pacer.recordProcessed(NOW + 1, NOW + 1);
        quietFor(800_000);

        assertThat(pacer.commitDue(NOW + 2)).isFalse();
        quietFor(200_000);
        assertThat(pacer.commitDue(NOW + 2)).isTrue();
    }

    @Test
    void inputThatDoesNotStopIsCommittedAfterTheGatheringTime() {
        pacer.recordProcessed(NOW, NOW);
        for (long ms = 1; ms < 5; ms++) {
            pacer.recordProcessed(NOW + ms, NOW + ms);
            assertThat(pacer.commitDue(NOW + ms)).isFalse();
        }
        pacer.recordProcessed(NOW + 5, NOW + 5);
        assertThat(pacer.commitDue(NOW + 5)).isTrue();
    }

    @Test
    void asksAtMostOncePerIntervalAndThenForWhatCameWithinIt() {
        pacer.recordProcessed(NOW, NOW);
        quietFor(2_000_000);
        assertThat(pacer.commitDue(NOW + 2)).isTrue();

        pacer.recordProcessed(NOW + 3, NOW + 3);
        quietFor(2_000_000);
        assertThat(pacer.commitDue(NOW + 5)).isFalse();
        assertThat(pacer.commitDue(NOW + 21)).isFalse();
        // The interval counts from the ask at NOW + 2; the thread is quiet, so it asks as it ends.
        assertThat(pacer.commitDue(NOW + 22)).isTrue();
    }

    @Test
    void theGatheringTimeCountsFromTheEndOfTheInterval() {
        pacer.recordProcessed(NOW, NOW);
        quietFor(2_000_000);
        assertThat(pacer.commitDue(NOW + 2)).isTrue();

        for (long ms = 3; ms < 27; ms++) {
            pacer.recordProcessed(NOW + ms, NOW + ms);
            assertThat(pacer.commitDue(NOW + ms)).as("at NOW + %d", ms).isFalse();
        }
        pacer.recordProcessed(NOW + 27, NOW + 27);
        assertThat(pacer.commitDue(NOW + 27)).isTrue();
    }

    @Test
    void aThreadsPaceGrowsWithTheShareOfItsAsksThatWereBusyAndShrinksWithItsDrainedOnes() {
        // Interval 20 ms, busy 100 ms: each eighth of busy share adds 10 ms.
        final CommitPacing.Pacer adaptive = new CommitPacing.Pacer(20, 100, 1_000, 1_000_000, 5, nanos::get,
                NOT_COUNTED);
        // Input that does not stop: it asks after gathering for 5 ms, busy. Share 1/8: 30 ms.
        for (long ms = 0; ms < 5; ms++) {
            adaptive.recordProcessed(NOW + ms, NOW + ms);
            assertThat(adaptive.commitDue(NOW + ms)).isFalse();
        }
        adaptive.recordProcessed(NOW + 5, NOW + 5);
        assertThat(adaptive.commitDue(NOW + 5)).isTrue();

        // Still no drain: due at NOW + 35, busy again 5 ms later. Share 15/64: 20 + 18.75, so 39 ms.
        for (long ms = 6; ms < 40; ms++) {
            adaptive.recordProcessed(NOW + ms, NOW + ms);
            assertThat(adaptive.commitDue(NOW + ms)).as("at NOW + %d", ms).isFalse();
        }
        adaptive.recordProcessed(NOW + 40, NOW + 40);
        assertThat(adaptive.commitDue(NOW + 40)).isTrue();

        adaptive.recordProcessed(NOW + 41, NOW + 41);
        quietFor(2_000_000);
        assertThat(adaptive.commitDue(NOW + 78)).as("38 ms after two busy asks").isFalse();
        assertThat(adaptive.commitDue(NOW + 79)).as("39 ms after them, drained").isTrue();

        // That ask found the thread drained: share 105/512, 20 + 16.4, so 36 ms.
        adaptive.recordProcessed(NOW + 80, NOW + 80);
        quietFor(2_000_000);
        assertThat(adaptive.commitDue(NOW + 114)).isFalse();
        assertThat(adaptive.commitDue(NOW + 115)).isTrue();
    }

    @Test
    void aSingleBusyAskAddsAnEighthOfTheSpanNotAllOfIt() {
        final CommitPacing.Pacer adaptive = new CommitPacing.Pacer(10, 30, 1_000, 1_000_000, 5, nanos::get,
                NOT_COUNTED);
        for (long ms = 0; ms <= 5; ms++) {
            adaptive.recordProcessed(NOW + ms, NOW + ms);
            assertThat(adaptive.commitDue(NOW + ms)).isEqualTo(ms == 5);
        }
        // Share 1/8 of the 20 ms span: 12.5, so 13 ms (the last-ask pace waited 30).
        adaptive.recordProcessed(NOW + 6, NOW + 6);
        quietFor(2_000_000);
        assertThat(adaptive.commitDue(NOW + 17)).isFalse();
        assertThat(adaptive.commitDue(NOW + 18)).isTrue();
    }

    @Test
    void countsEveryAskAndTheBusyOnesInTheRegistry() {
        final SimpleMeterRegistry registry = new SimpleMeterRegistry();
        final CommitPacing.Pacer counted = new CommitPacing(Duration.ofMillis(20), Duration.ofMillis(30),
                Duration.ofMillis(100), Duration.ofSeconds(1)).pacer(registry, nanos::get);
        assertThat(registry.counter(CommitPacing.ASKS).count()).isZero();
        assertThat(registry.counter(CommitPacing.BUSY_ASKS).count()).isZero();

        // Input that does not stop: a busy ask after gathering for 5 ms.
        for (long ms = 0; ms < 5; ms++) {
            counted.recordProcessed(NOW + ms, NOW + ms);
            assertThat(counted.commitDue(NOW + ms)).isFalse();
        }
        counted.recordProcessed(NOW + 5, NOW + 5);
        assertThat(counted.commitDue(NOW + 5)).isTrue();
        // Then a drained one.
        counted.recordProcessed(NOW + 6, NOW + 6);
        quietFor(2_000_000);
        assertThat(counted.commitDue(NOW + 40)).isTrue();

        assertThat(registry.counter(CommitPacing.ASKS).count()).isEqualTo(2);
        assertThat(registry.counter(CommitPacing.BUSY_ASKS).count()).isEqualTo(1);
    }

    @Test
    void aBacklogRecordOwesNoCommit() {
        assertThat(pacer.recordProcessed(NOW - 1_001, NOW)).isFalse();
        quietFor(10_000_000);
        assertThat(pacer.commitDue(NOW + 10)).isFalse();

        assertThat(pacer.recordProcessed(NOW + 10 - 1_000, NOW + 10)).isTrue();
        quietFor(1_000_000);
        assertThat(pacer.commitDue(NOW + 11)).isTrue();
    }

    @Test
    void asksAtOnceWhenTheClockWentBack() {
        pacer.recordProcessed(NOW, NOW);
        quietFor(1_000_000);
        assertThat(pacer.commitDue(NOW + 1)).isTrue();

        pacer.recordProcessed(NOW - 3_600_000, NOW - 3_600_000);
        assertThat(pacer.commitDue(NOW - 3_600_000)).isTrue();
    }

    @Test
    void eachStreamThreadKeepsItsOwnPace() throws Exception {
        pacer.recordProcessed(NOW, NOW);
        quietFor(1_000_000);
        assertThat(pacer.commitDue(NOW + 1)).isTrue();

        final boolean otherThread = CompletableFuture.supplyAsync(() -> {
            pacer.recordProcessed(NOW + 2, NOW + 2);
            quietFor(1_000_000);
            return pacer.commitDue(NOW + 3);
        }).get();
        assertThat(otherThread).isTrue();

        pacer.recordProcessed(NOW + 4, NOW + 4);
        quietFor(1_000_000);
        assertThat(pacer.commitDue(NOW + 5)).isFalse();
    }

    @Test
    void aFreshRecordSchedulesOneCheckEveryMillisecondThatAsksOnceTheThreadHasDrained() {
        final MockProcessorContext<String, String> context = contextAt(NOW);
        pacer.afterRecord(context, NOW);
        context.setCurrentSystemTimeMs(NOW + 1);
        pacer.afterRecord(context, NOW + 1);

        assertThat(context.committed()).isFalse();
        assertThat(context.scheduledPunctuators()).hasSize(1);
        final CapturedPunctuator check = context.scheduledPunctuators().get(0);
        assertThat(check.getType()).isEqualTo(PunctuationType.WALL_CLOCK_TIME);
        assertThat(check.getInterval()).isEqualTo(Duration.ofMillis(1));

        check.getPunctuator().punctuate(NOW + 1);
        assertThat(context.committed()).isFalse();

        quietFor(1_000_000);
        check.getPunctuator().punctuate(NOW + 2);
        assertThat(context.committed()).isTrue();
        assertThat(check.cancelled()).isTrue();
    }

    @Test
    void withinTheIntervalTheFirstCheckRunsWhenItEndsAndThenEveryMillisecond() {
        final MockProcessorContext<String, String> context = askedAtNowPlusOne();

        // The interval (20 ms) ends at NOW + 21.
        context.setCurrentSystemTimeMs(NOW + 5);
        pacer.afterRecord(context, NOW + 5);
        assertThat(context.scheduledPunctuators()).hasSize(2);
        final CapturedPunctuator atTheEnd = context.scheduledPunctuators().get(1);
        assertThat(atTheEnd.getInterval()).isEqualTo(Duration.ofMillis(16));
        context.setCurrentSystemTimeMs(NOW + 20);
        pacer.afterRecord(context, NOW + 20);
        assertThat(context.scheduledPunctuators()).as("the pending check is not lost").hasSize(2);

        // The thread has just processed a record: not drained, so it goes on every millisecond.
        atTheEnd.getPunctuator().punctuate(NOW + 21);
        assertThat(context.committed()).isFalse();
        assertThat(atTheEnd.cancelled()).isTrue();
        assertThat(context.scheduledPunctuators()).hasSize(3);
        final CapturedPunctuator everyMillisecond = context.scheduledPunctuators().get(2);
        assertThat(everyMillisecond.getInterval()).isEqualTo(Duration.ofMillis(1));

        quietFor(1_000_000);
        everyMillisecond.getPunctuator().punctuate(NOW + 22);
        assertThat(context.committed()).isTrue();
        assertThat(everyMillisecond.cancelled()).isTrue();
    }

    @Test
    void aCheckPendingWhenTheClockGoesBackIsReplacedByOneAMillisecondAway() {
        final MockProcessorContext<String, String> context = askedAtNowPlusOne();
        context.setCurrentSystemTimeMs(NOW + 2);
        pacer.afterRecord(context, NOW + 2);
        final CapturedPunctuator atTheEnd = context.scheduledPunctuators().get(1);

        context.setCurrentSystemTimeMs(NOW - 3_600_000);
        pacer.afterRecord(context, NOW - 3_600_000);

        assertThat(atTheEnd.cancelled()).isTrue();
        final CapturedPunctuator replacement = context.scheduledPunctuators().get(2);
        assertThat(replacement.getInterval()).isEqualTo(Duration.ofMillis(1));
        quietFor(1_000_000);
        replacement.getPunctuator().punctuate(NOW - 3_600_000 + 1);
        assertThat(context.committed()).isTrue();
    }

    @Test
    void aBacklogRecordSchedulesNothing() {
        final MockProcessorContext<String, String> context = contextAt(NOW);

        pacer.afterRecord(context, NOW - 60_000);

        assertThat(context.scheduledPunctuators()).isEmpty();
        assertThat(context.committed()).isFalse();
    }

    @Test
    void aCheckThatStoppedRunningIsScheduledAgain() {
        final MockProcessorContext<String, String> context = contextAt(NOW);
        pacer.afterRecord(context, NOW);
        final CapturedPunctuator lost = context.scheduledPunctuators().get(0);

        // Due at NOW + 1, it has not run: at NOW + 101 it is 100 ms late, not yet counted as lost.
        context.setCurrentSystemTimeMs(NOW + 101);
        pacer.afterRecord(context, NOW + 101);
        assertThat(context.scheduledPunctuators()).hasSize(1);
        // Its task moved to another thread, say: over 100 ms late.
        context.setCurrentSystemTimeMs(NOW + 102);
        pacer.afterRecord(context, NOW + 102);

        assertThat(context.scheduledPunctuators()).hasSize(2);
        assertThat(lost.cancelled()).isTrue();
        quietFor(1_000_000);
        context.scheduledPunctuators().get(1).getPunctuator().punctuate(NOW + 103);
        assertThat(context.committed()).isTrue();
    }

    @Test
    void kafkaStreamsPollsBrieflySoThatADrainedThreadNoticesIt() {
        assertThat(CommitPacing.DEFAULT.streamsPollMs()).isEqualTo(2);
    }

    private static MockProcessorContext<String, String> contextAt(final long nowMs) {
        final MockProcessorContext<String, String> context = new MockProcessorContext<>();
        context.setCurrentSystemTimeMs(nowMs);
        return context;
    }

    /** A context whose thread had a fresh record at NOW and asked for its commit at NOW + 1. */
    private MockProcessorContext<String, String> askedAtNowPlusOne() {
        final MockProcessorContext<String, String> context = contextAt(NOW);
        pacer.afterRecord(context, NOW);
        quietFor(1_000_000);
        context.scheduledPunctuators().get(0).getPunctuator().punctuate(NOW + 1);
        assertThat(context.committed()).isTrue();
        context.resetCommit();
        return context;
    }

    private void quietFor(final long nanosWithoutARecord) {
        nanos.addAndGet(nanosWithoutARecord);
    }

    @Test
    void kafkaStreamsCommitsAtTheBacklogInterval() {
        assertThat(CommitPacing.DEFAULT.streamsCommitIntervalMs()).isEqualTo(100);
        assertThat(CommitPacing.DEFAULT.interval()).isEqualTo(Duration.ofMillis(10));
        assertThat(new CommitPacing(Duration.ofMillis(20), Duration.ofSeconds(2), Duration.ofSeconds(1))
                .streamsCommitIntervalMs()).isEqualTo(2_000);
    }

    @Test
    void refusesABacklogIntervalShorterThanTheIntervalAndNonPositiveDurations() {
        assertThatThrownBy(() -> new CommitPacing(Duration.ofMillis(100), Duration.ofMillis(20), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least the commit interval");
        assertThatThrownBy(() -> new CommitPacing(Duration.ZERO, Duration.ofMillis(20), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interval must be positive");
        assertThatThrownBy(() -> new CommitPacing(Duration.ofMillis(20), Duration.ofMillis(20), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backlogAge must be positive");
        assertThat(new CommitPacing(Duration.ofMillis(20), Duration.ofMillis(20), Duration.ofSeconds(1))
                .streamsCommitIntervalMs()).isEqualTo(20);
    }

    @Test
    void theBusyIntervalLiesBetweenTheIntervalAndTheBacklogInterval() {
        assertThat(CommitPacing.DEFAULT.busyInterval()).isEqualTo(Duration.ofMillis(30));
        assertThat(CommitPacing.of(Duration.ofMillis(10), null, Duration.ofMillis(100), Duration.ofSeconds(1))
                .busyInterval()).isEqualTo(Duration.ofMillis(30));
        assertThat(CommitPacing.of(Duration.ofMillis(100), null, Duration.ofMillis(100), Duration.ofSeconds(1))
                .busyInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(CommitPacing.of(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(100),
                Duration.ofSeconds(1)).busyInterval()).isEqualTo(Duration.ofMillis(20));
        final CommitPacing onePace =
                new CommitPacing(Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(1));
        assertThat(onePace.busyInterval()).as("three durations: busy or not, one interval")
                .isEqualTo(Duration.ofMillis(20));
        assertThatThrownBy(() -> new CommitPacing(Duration.ofMillis(30), Duration.ofMillis(20), Duration.ofMillis(100),
                Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least the commit interval");
        assertThatThrownBy(() -> new CommitPacing(Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofMillis(100),
                Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least the busy commit interval");
    }
}
