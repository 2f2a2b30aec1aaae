package dev.wallet.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kafka.sh's experiment knobs: KAFKA_FEATURES at the storage format, KAFKA_BROKER_SETTINGS on every start. */
class ExperimentSettingsScriptTest {

    private static final Path SCRIPT = Path.of("bin", "kafka.sh");

    @TempDir
    Path dataDir;

    @Test
    void shouldFormatWithTheFeaturesAndStartWithTheSettingsGiven() throws Exception {
        try (LocalKafka kafka = new LocalKafka(SCRIPT, dataDir, 1, Map.of(
                "KAFKA_FEATURES", "transaction.version=1",
                "KAFKA_BROKER_SETTINGS", "num.io.threads=2 log.retention.hours=1"))) {
            kafka.start();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers()))) {
                assertThat(admin.describeFeatures().featureMetadata().get().finalizedFeatures()
                        .get("transaction.version").maxVersionLevel()).isEqualTo((short) 1);
                final ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "1");
                final Config config = admin.describeConfigs(List.of(broker)).all().get().get(broker);
                assertThat(config.get("num.io.threads").value()).isEqualTo("2");
                // A setting the template already has: the appended line wins.
                assertThat(config.get("log.retention.hours").value()).isEqualTo("1");
            }
        }
    }

    @Test
    void shouldRefuseASettingWithoutAValueBeforeStartingAnything() throws Exception {
        final LocalKafka kafka = new LocalKafka(SCRIPT, dataDir, 1, Map.of("KAFKA_BROKER_SETTINGS", "num.io.threads"));
        try {
            assertThatThrownBy(kafka::start)
                    .hasMessageContaining("KAFKA_BROKER_SETTINGS takes key=value pairs, not num.io.threads");
            assertThat(Files.exists(dataDir.resolve("node-1.pid"))).isFalse();
        } finally {
            kafka.stop();
        }
    }
}
