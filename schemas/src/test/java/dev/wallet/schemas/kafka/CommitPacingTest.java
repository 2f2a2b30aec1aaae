package dev.wallet.schemas.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
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
}
