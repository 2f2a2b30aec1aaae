package dev.wallet.saga;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The saga orchestrator service: runs {@link dev.wallet.saga.topology.TransferSagaTopology} in one
 * Kafka Streams client ({@code exactly_once_v2}, application id {@code wallet-saga-orchestrator}),
 * provisions the wallet topics on start, and serves {@code /actuator/health} (UP while the client is
 * running or rebalancing) and {@code /actuator/prometheus} on {@code server.port} (default 8083).
 *
 * <p>Kafka is found at {@code spring.kafka.bootstrap-servers} (default {@code 127.0.0.1:9092});
 * everything else is under {@code wallet.saga-orchestrator.*}, see {@link SagaOrchestratorProperties}.
 */
@SpringBootApplication
@EnableConfigurationProperties(SagaOrchestratorProperties.class)
public class SagaOrchestratorApplication {

    /** Where Kafka is when {@code spring.kafka.bootstrap-servers} is not set. */
    public static final String BOOTSTRAP_SERVERS_DEFAULT = "127.0.0.1:9092";

    public static void main(final String[] args) {
        SpringApplication.run(SagaOrchestratorApplication.class, args);
    }

    @Bean
    SagaOrchestratorStreams sagaOrchestratorStreams(
            final SagaOrchestratorProperties properties,
            @Value("${spring.kafka.bootstrap-servers:" + BOOTSTRAP_SERVERS_DEFAULT + "}") final String bootstrapServers,
            final MeterRegistry meterRegistry) {
        return new SagaOrchestratorStreams(properties, bootstrapServers, meterRegistry);
    }

    @Bean
    HealthIndicator kafkaStreamsHealthIndicator(final SagaOrchestratorStreams streams) {
        return new KafkaStreamsHealthIndicator(streams);
    }
}
