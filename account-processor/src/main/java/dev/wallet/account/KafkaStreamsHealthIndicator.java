package dev.wallet.account;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of the account processor's Kafka Streams client, with its state as a detail: UP while it
 * is RUNNING, or REBALANCING after it has run (a normal rebalance); DOWN in every other state,
 * including the REBALANCING of a client that has not reached Kafka yet.
 */
final class KafkaStreamsHealthIndicator implements HealthIndicator {

    private final AccountProcessorStreams streams;

    KafkaStreamsHealthIndicator(final AccountProcessorStreams streams) {
        this.streams = streams;
    }

    @Override
    public Health health() {
        final KafkaStreams.State state = streams.state();
        if (state == null) {
            return Health.down().withDetail("state", "NOT_STARTED").build();
        }
        final boolean up = state == KafkaStreams.State.RUNNING
                || state == KafkaStreams.State.REBALANCING && streams.hasRun();
        final Health.Builder health = up ? Health.up() : Health.down();
        return health.withDetail("state", state.name()).build();
    }
}
