package dev.wallet.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.schemas.kafka.ExactlyOnce;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ProjectionConsumerConfigTest {

    @Test
    void shouldWaitForFullerFetchesByDefault() {
        final Properties config = ProjectionConsumerConfig.of(readCommitted(), bind(Map.of()));

        assertThat(config)
                .containsEntry(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1_048_576)
                .containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 200)
                .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000)
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    }

    @Test
    void shouldTakeTheFetchSettingsFromProperties() {
        final Properties config = ProjectionConsumerConfig.of(readCommitted(), bind(Map.of(
                "wallet.projection.fetch-min-bytes", "1",
                "wallet.projection.fetch-max-wait-ms", "500")));

        assertThat(config)
                .containsEntry(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1)
                .containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 500);
    }

    @Test
    void shouldKeepTheDefaultFetchSettingsInTheShorterConstructors() {
        final ProjectionProperties properties = new ProjectionProperties(true, "g", 500, 100, 100, 5000, 30000,
                1000, 10000);

        assertThat(properties.fetchMinBytes()).isEqualTo(ProjectionProperties.DEFAULT_FETCH_MIN_BYTES);
        assertThat(properties.fetchMaxWaitMs()).isEqualTo(ProjectionProperties.DEFAULT_FETCH_MAX_WAIT_MS);
        assertThat(properties.consumers()).isEqualTo(1);
    }

    private static Properties readCommitted() {
        return ExactlyOnce.readCommitted("127.0.0.1:9", "wallet-balance-query");
    }

    private static ProjectionProperties bind(final Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("wallet.projection", ProjectionProperties.class);
    }
}
