package dev.wallet.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wallet.schemas.kafka.CommitPacing;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The Streams settings the service derives from its {@code wallet.saga-orchestrator.*} properties. */
class SagaOrchestratorStreamsConfigTest {

    @Test
    void commitsAtTheBacklogIntervalAndAsksEarlierWhileFresh() {
        final SagaOrchestratorProperties properties = bind(Map.of());

        assertThat(properties.commitPacing().interval()).isEqualTo(Duration.ofMillis(10));
        assertThat(properties.commitPacing().busyInterval()).isEqualTo(Duration.ofMillis(30));
        assertThat(properties.commitPacing().backlogAge()).isEqualTo(Duration.ofSeconds(1));
        assertThat(streamsConfigOf(properties).get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(100L);
        // A thread with nothing to read checks every 2 ms whether it owes a commit.
        assertThat(streamsConfigOf(properties).get(StreamsConfig.POLL_MS_CONFIG)).isEqualTo(2L);
    }

    @Test
    void takesThePacingFromItsProperties() {
        final SagaOrchestratorProperties properties = bind(Map.of(
                "wallet.saga-orchestrator.commit-interval", "10ms",
                "wallet.saga-orchestrator.busy-commit-interval", "40ms",
                "wallet.saga-orchestrator.backlog-commit-interval", "250ms",
                "wallet.saga-orchestrator.backlog-age", "2s"));

        assertThat(properties.commitPacing().interval()).isEqualTo(Duration.ofMillis(10));
        assertThat(properties.commitPacing().busyInterval()).isEqualTo(Duration.ofMillis(40));
        assertThat(properties.commitPacing().backlogAge()).isEqualTo(Duration.ofSeconds(2));
        assertThat(streamsConfigOf(properties).get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(250L);
    }

    @Test
    void aCommitIntervalOverTheBusyDefaultIsAlsoTheBusyInterval() {
        final CommitPacing pacing = bind(Map.of(
                "wallet.saga-orchestrator.commit-interval", "100ms",
                "wallet.saga-orchestrator.backlog-commit-interval", "100ms")).commitPacing();

        assertThat(pacing.interval()).isEqualTo(Duration.ofMillis(100));
        assertThat(pacing.busyInterval()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void refusesABacklogIntervalShorterThanTheCommitInterval() {
        final SagaOrchestratorProperties properties = bind(Map.of(
                "wallet.saga-orchestrator.commit-interval", "200ms",
                "wallet.saga-orchestrator.backlog-commit-interval", "100ms"));

        assertThatThrownBy(properties::commitPacing).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be at least the commit interval");
    }

    private static SagaOrchestratorProperties bind(final Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("wallet.saga-orchestrator", SagaOrchestratorProperties.class);
    }

    private static Map<Object, Object> streamsConfigOf(final SagaOrchestratorProperties properties) {
        return new SagaOrchestratorStreams(properties, "127.0.0.1:9", new SimpleMeterRegistry()).streamsConfig();
    }
}
