package dev.wallet.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.schemas.topics.TopicProvisioner;
import dev.wallet.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The single-node broker that kafka.sh starts as its own process, used as a client would. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SingleBrokerScriptTest {

    @TempDir
    static Path dataDir;

    static LocalKafka kafka;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = new LocalKafka(Path.of("bin", "kafka.sh"), dataDir, 1);
        kafka.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    @Order(1)
    void shouldReportOneRunningBroker() throws Exception {
        assertThat(kafka.status()).contains("node 1: running").contains("brokers in cluster: 1");
    }

    @Test
    @Order(1)
    void shouldRunTransactionVersion2UnlessToldOtherwise() throws Exception {
        // ExperimentSettingsScriptTest formats with version 1; this is the default it departs from.
        try (Admin admin = admin()) {
            assertThat(admin.describeFeatures().featureMetadata().get().finalizedFeatures()
                    .get("transaction.version").maxVersionLevel()).isEqualTo((short) 2);
        }
    }

    @Test
    @Order(2)
    void shouldCommitATransactionThatAReadCommittedConsumerSees() throws Exception {
        createTopic("script-test");
        try (KafkaProducer<String, String> producer = transactionalProducer()) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("script-test", "k", "aborted"));
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("script-test", "k", "committed-1"));
            producer.send(new ProducerRecord<>("script-test", "k", "committed-2"));
            producer.commitTransaction();
        }

        assertThat(readCommitted("script-test", 2)).containsExactly("committed-1", "committed-2");
    }

    @Test
    @Order(3)
    void shouldCreateTheRegistryTopicsOnceAndThenNothing() throws Exception {
        try (Admin admin = admin()) {
            final List<String> first = new TopicProvisioner(3, (short) 1).ensureTopics(admin);
            final List<String> second = new TopicProvisioner(3, (short) 1).ensureTopics(admin);

            assertThat(first).containsExactlyInAnyOrderElementsOf(
                    Topics.all().stream().map(t -> t.name()).toList());
            assertThat(second).isEmpty();
            assertThat(admin.describeTopics(List.of(Topics.ACCOUNT_EVENTS.name())).allTopicNames().get()
                    .get(Topics.ACCOUNT_EVENTS.name()).partitions()).hasSize(3);
        }
    }

    @Test
    @Order(4)
    void shouldKeepCommittedDataAcrossAStopAndStart() throws Exception {
        kafka.stop();
        assertThat(kafka.start()).contains("1 node(s) running");

        assertThat(readCommitted("script-test", 2)).containsExactly("committed-1", "committed-2");
    }

    private static void createTopic(final String name) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get();
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    static KafkaProducer<String, String> transactionalProducer() {
        final Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "script-test-" + UUID.randomUUID());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    static List<String> readCommitted(final String topic, final int expected) {
        final Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "script-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        final List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            final long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (final ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
