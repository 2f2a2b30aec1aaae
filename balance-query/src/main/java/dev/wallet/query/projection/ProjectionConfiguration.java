package dev.wallet.query.projection;

import dev.wallet.schemas.kafka.ExactlyOnce;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Wires the projector; Kafka is reached at {@code spring.kafka.bootstrap-servers} (default 127.0.0.1:9092). */
@Configuration(proxyBeanMethods = false)
public class ProjectionConfiguration {

    @Bean
    ProjectionLag projectionLag() {
        return new ProjectionLag();
    }

    @Bean
    ProjectionMetrics projectionMetrics(final MeterRegistry registry, final ProjectionLag lag) {
        return new ProjectionMetrics(registry, lag);
    }

    @Bean
    ProjectionWriter projectionWriter(final DatabaseClient db, final TransactionalOperator transaction,
                                      final MeterRegistry registry) {
        return new ProjectionWriter(db, transaction, registry);
    }

    @Bean
    @ConditionalOnProperty(name = "wallet.projection.enabled", havingValue = "true", matchIfMissing = true)
    EventProjector eventProjector(
            @Value("${spring.kafka.bootstrap-servers:127.0.0.1:9092}") final String bootstrapServers,
            final ProjectionProperties properties, final ProjectionWriter writer,
            final ProjectionMetrics metrics, final ProjectionLag lag) {
        final Properties config = ExactlyOnce.readCommitted(bootstrapServers, properties.groupId());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, properties.groupId() + "-projector");
        return new EventProjector(config, writer, metrics, lag, properties);
    }

    /** DOWN when the projector thread died on an unexpected error; absent when the projector is disabled. */
    @Bean
    HealthIndicator projectionHealthIndicator(final ObjectProvider<EventProjector> projector) {
        return () -> {
            final EventProjector current = projector.getIfAvailable();
            if (current == null) {
                return Health.up().withDetail("projector", "disabled").build();
            }
            return current.hasFailed()
                    ? Health.down().withDetail("projector", "stopped on an unexpected error; see the log").build()
                    : Health.up().withDetail("projector", current.isRunning() ? "running" : "stopped").build();
        };
    }
}
