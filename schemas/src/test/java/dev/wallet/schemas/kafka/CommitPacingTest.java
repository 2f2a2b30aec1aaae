package dev.wallet.schemas.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedPunctuator;
import org.junit.jupiter.api.Test;

class CommitPacingTest {

    private static final long NOW = 1_800_000_000_000L;

    private final CommitPacing.Pacer pacer = new CommitPacing(Duration.ofMillis(20), Duration.ofMillis(100),
            Duration.ofSeconds(1)).pacer();

    @Test
    void asksAfterAFreshRecordAtMostOncePerInterval() {
        assertThat(pacer.commitAfter(NOW - 5, NOW)).isTrue();
        assertThat(pacer.commitAfter(NOW + 1, NOW + 1)).isFalse();
        assertThat(pacer.commitAfter(NOW + 19, NOW + 19)).isFalse();
        assertThat(pacer.commitAfter(NOW + 20, NOW + 20)).isTrue();
    }

    @Test
    void owesACommitForAFreshRecordWithinTheIntervalUntilTheIntervalEnds() {
        assertThat(pacer.commitAfter(NOW, NOW)).isTrue();
        assertThat(pacer.commitAfter(NOW + 3, NOW + 3)).isFalse();

        assertThat(pacer.owedCommitDue(NOW + 19)).isFalse();
        assertThat(pacer.owedCommitDue(NOW + 20)).isTrue();
        // Paid: nothing is owed any more, and the next interval counts from the owed ask.
        assertThat(pacer.owedCommitDue(NOW + 45)).isFalse();
        assertThat(pacer.commitAfter(NOW + 39, NOW + 39)).isFalse();
        assertThat(pacer.commitAfter(NOW + 40, NOW + 40)).isTrue();
    }

    @Test
    void aBacklogRecordOwesNoCommit() {
        assertThat(pacer.commitAfter(NOW, NOW)).isTrue();
        assertThat(pacer.commitAfter(NOW - 60_000, NOW + 3)).isFalse();

        assertThat(pacer.owedCommitDue(NOW + 25)).isFalse();
    }

    @Test
    void asksAfterAFreshRecordAndSchedulesNothing() {
        final MockProcessorContext<String, String> context = contextAt(NOW);

        pacer.afterRecord(context, NOW - 5);

        assertThat(context.committed()).isTrue();
        assertThat(context.scheduledPunctuators()).isEmpty();
    }

    @Test
    void asksForAnOwedCommitWhenTheIntervalEndsThroughOneScheduledPunctuation() {
        final MockProcessorContext<String, String> context = contextAt(NOW);
        pacer.afterRecord(context, NOW);
        context.resetCommit();

        context.setCurrentSystemTimeMs(NOW + 5);
        pacer.afterRecord(context, NOW + 5);
        context.setCurrentSystemTimeMs(NOW + 6);
        pacer.afterRecord(context, NOW + 6);

        assertThat(context.committed()).isFalse();
        assertThat(context.scheduledPunctuators()).hasSize(1);
        final CapturedPunctuator followUp = context.scheduledPunctuators().get(0);
        assertThat(followUp.getType()).isEqualTo(PunctuationType.WALL_CLOCK_TIME);
        assertThat(followUp.getInterval()).isEqualTo(Duration.ofMillis(15));

        context.setCurrentSystemTimeMs(NOW + 20);
        followUp.getPunctuator().punctuate(NOW + 20);

        assertThat(context.committed()).isTrue();
        assertThat(followUp.cancelled()).isTrue();
    }

    @Test
    void anAskBeforeTheFollowUpCancelsIt() {
        final MockProcessorContext<String, String> context = contextAt(NOW);
        pacer.afterRecord(context, NOW);
        context.setCurrentSystemTimeMs(NOW + 5);
        pacer.afterRecord(context, NOW + 5);
        final CapturedPunctuator followUp = context.scheduledPunctuators().get(0);
        context.resetCommit();

        // A clock stepped back asks at once, so the follow-up has nothing left to do.
        context.setCurrentSystemTimeMs(NOW - 1_000);
        pacer.afterRecord(context, NOW - 1_000);

        assertThat(context.committed()).isTrue();
        assertThat(followUp.cancelled()).isTrue();
    }

    @Test
    void aBacklogRecordSchedulesNothing() {
        final MockProcessorContext<String, String> context = contextAt(NOW);
        pacer.afterRecord(context, NOW);
        context.resetCommit();

        context.setCurrentSystemTimeMs(NOW + 5);
        pacer.afterRecord(context, NOW - 60_000);

        assertThat(context.committed()).isFalse();
        assertThat(context.scheduledPunctuators()).isEmpty();
    }

    @Test
    void neverAsksAfterARecordOlderThanTheBacklogAge() {
        assertThat(pacer.commitAfter(NOW - 1_001, NOW)).isFalse();
        assertThat(pacer.commitAfter(NOW - 1_000, NOW)).isTrue();
    }

    @Test
    void aBacklogRecordDoesNotUseUpTheInterval() {
        assertThat(pacer.commitAfter(NOW - 60_000, NOW)).isFalse();
        assertThat(pacer.commitAfter(NOW, NOW)).isTrue();
    }

    @Test
    void asksAgainWhenTheClockWentBack() {
        assertThat(pacer.commitAfter(NOW, NOW)).isTrue();
        assertThat(pacer.commitAfter(NOW - 3_600_000, NOW - 3_600_000)).isTrue();
        assertThat(pacer.commitAfter(NOW - 3_599_990, NOW - 3_599_990)).isFalse();
    }

    @Test
    void eachStreamThreadKeepsItsOwnPace() throws Exception {
        assertThat(pacer.commitAfter(NOW, NOW)).isTrue();
        final boolean otherThread = CompletableFuture.supplyAsync(() -> pacer.commitAfter(NOW + 1, NOW + 1)).get();
        assertThat(otherThread).isTrue();
        assertThat(pacer.commitAfter(NOW + 2, NOW + 2)).isFalse();
    }

    @Test
    void kafkaStreamsPollsForAThirdOfTheIntervalBetweenOneAnd100Ms() {
        assertThat(CommitPacing.DEFAULT.streamsPollMs()).isEqualTo(10);
        assertThat(new CommitPacing(Duration.ofMillis(2), Duration.ofMillis(100), Duration.ofSeconds(1))
                .streamsPollMs()).isEqualTo(1);
        assertThat(new CommitPacing(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(1))
                .streamsPollMs()).isEqualTo(100);
    }

    @Test
    void kafkaStreamsCommitsAtTheBacklogInterval() {
        assertThat(CommitPacing.DEFAULT.streamsCommitIntervalMs()).isEqualTo(100);
        assertThat(CommitPacing.DEFAULT.interval()).isEqualTo(Duration.ofMillis(30));
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

    private static MockProcessorContext<String, String> contextAt(final long nowMs) {
        final MockProcessorContext<String, String> context = new MockProcessorContext<>();
        context.setCurrentSystemTimeMs(nowMs);
        return context;
    }
}
