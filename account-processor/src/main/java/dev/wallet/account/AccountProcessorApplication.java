package dev.wallet.account;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The account processor service: runs {@link dev.wallet.account.topology.AccountProcessorTopology}
 * in one Kafka Streams client ({@code exactly_once_v2}), provisions the wallet topics on start, and
 * serves {@code /actuator/health} (UP while the client runs, see {@link KafkaStreamsHealthIndicator}) and
 * {@code /actuator/prometheus} on {@code server.port} (default 8082).
 *
 * <p>Kafka is found at {@code spring.kafka.bootstrap-servers} (default {@code 127.0.0.1:9092});
 * everything else is under {@code wallet.account-processor.*}, see {@link AccountProcessorProperties}.
 */
@SpringBootApplication
@EnableConfigurationProperties(AccountProcessorProperties.class)
public class AccountProcessorApplication {

    /** Where Kafka is when {@code spring.kafka.bootstrap-servers} is not set. */
    public static final String BOOTSTRAP_SERVERS_DEFAULT = "127.0.0.1:9092";

    public static void main(final String[] args) {
        SpringApplication.run(AccountProcessorApplication.class, args);
    }

    @Bean
    AccountProcessorStreams accountProcessorStreams(
            final AccountProcessorProperties properties,
            @Value("${spring.kafka.bootstrap-servers:" + BOOTSTRAP_SERVERS_DEFAULT + "}") final String bootstrapServers,
            final MeterRegistry meterRegistry) {
        return new AccountProcessorStreams(properties, bootstrapServers, meterRegistry);
    }

    @Bean
    HealthIndicator kafkaStreamsHealthIndicator(final AccountProcessorStreams streams) {
        return new KafkaStreamsHealthIndicator(streams);
    }
}
