package dev.wallet.saga;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of the orchestrator's Kafka Streams client: UP while it is RUNNING or REBALANCING (both
 * process or are about to), DOWN in every other state, with the state as a detail.
 */
final class KafkaStreamsHealthIndicator implements HealthIndicator {

    private final SagaOrchestratorStreams streams;

    KafkaStreamsHealthIndicator(final SagaOrchestratorStreams streams) {
        this.streams = streams;
    }

    @Override
    public Health health() {
        final KafkaStreams.State state = streams.state();
        if (state == null) {
            return Health.down().withDetail("state", "NOT_STARTED").build();
        }
        final Health.Builder health = state.isRunningOrRebalancing() ? Health.up() : Health.down();
        return health.withDetail("state", state.name()).build();
    }
}
