package dev.wallet.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.schemas.topics.TopicProvisioner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The three-node cluster mode of kafka.sh: three processes, replication 3, min ISR 2. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThreeBrokerScriptTest {

    @TempDir
    static Path dataDir;

    static LocalKafka kafka;

    @BeforeAll
    static void startCluster() throws Exception {
        kafka = new LocalKafka(Path.of("bin", "kafka.sh"), dataDir, 3);
        kafka.start();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    @Order(1)
    void shouldReportThreeRunningBrokers() throws Exception {
        assertThat(kafka.status())
                .contains("node 1: running", "node 2: running", "node 3: running")
                .contains("brokers in cluster: 3");
        try (Admin admin = admin()) {
            assertThat(admin.describeCluster().nodes().get()).hasSize(3);
        }
    }

    @Test
    @Order(2)
    void shouldReplicateNewTopicsThreeTimesWithTwoInSync() throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic("replicated", 2, (short) 3))).all().get();
            // Created on the controller; the broker answering the describe may learn of it later.
            final TopicDescription topic = TopicProvisioner.awaitDescribable(admin, List.of("replicated"))
                    .get("replicated");
            final ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "1");
            final Config config = admin.describeConfigs(List.of(broker)).all().get().get(broker);

            assertThat(topic.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
            assertThat(config.get("min.insync.replicas").value()).isEqualTo("2");
        }
    }

    @Test
    @Order(3)
    void shouldKeepCommittingTransactionsWithOneBrokerKilled() throws Exception {
        kafka.kill(3);

        try (KafkaProducer<String, String> producer = transactionalProducer()) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("replicated", "k", "after-kill")).get();
            producer.commitTransaction();
        }

        assertThat(kafka.statusWithNodesDown()).contains("node 3: stopped");
        assertThat(statusOnceTheClusterFencedTheDeadBroker()).contains("brokers in cluster: 2");
    }

    /**
     * The controller drops a killed broker from the cluster's metadata only after the broker
     * session times out (9 s by default), so the status is asked again until then, within a bound.
     */
    private static String statusOnceTheClusterFencedTheDeadBroker() throws Exception {
        final long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        String status = kafka.statusWithNodesDown();
        while (!status.contains("brokers in cluster: 2") && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            status = kafka.statusWithNodesDown();
        }
        return status;
    }

    private KafkaProducer<String, String> transactionalProducer() {
        final Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "three-broker-test");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }
}
