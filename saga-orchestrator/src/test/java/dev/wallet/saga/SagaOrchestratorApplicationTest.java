package dev.wallet.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wallet.schemas.avro.TransferEvent;
import dev.wallet.schemas.avro.TransferFailed;
import dev.wallet.schemas.avro.TransferFailureReason;
import dev.wallet.schemas.avro.TransferRequest;
import dev.wallet.schemas.kafka.ExactlyOnce;
import dev.wallet.schemas.topics.Topic;
import dev.wallet.schemas.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The service against an embedded KRaft broker: topics, health, one request answered, metrics. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "wallet.saga-orchestrator.application-id=saga-orchestrator-app-test",
    "wallet.saga-orchestrator.partitions=2",
    "wallet.saga-orchestrator.close-timeout=10s",
})
@EmbeddedKafka(count = 1, partitions = 2, brokerProperties = {
    "transaction.state.log.replication.factor=1",
    "transaction.state.log.min.isr=1",
    "group.initial.rebalance.delay.ms=0",
})
@AutoConfigureWebTestClient
@DirtiesContext
class SagaOrchestratorApplicationTest {

    private static final Duration WAIT_MAX = Duration.ofSeconds(60);

    @Autowired
    private WebTestClient web;

    @Autowired
    private SagaOrchestratorStreams streams;

    @Autowired
    private EmbeddedKafkaBroker broker;

    @DynamicPropertySource
    static void stateDir(final DynamicPropertyRegistry registry) throws Exception {
        // Under the module's target/, not /tmp: the Streams client still holds it when the test class ends.
        final Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-state")),
                "saga-orchestrator-app-test");
        registry.add("wallet.saga-orchestrator.state-dir", dir::toString);
    }

    @Test
    void shouldReportUpOnceTheStreamsClientRuns() {
        awaitRunning();

        web.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.kafkaStreams.details.state").isEqualTo("RUNNING");
    }

    @Test
    void shouldProvisionEveryWalletTopicOnStart() throws Exception {
        final Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        try (Admin admin = Admin.create(props)) {
            final Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);

            assertThat(names).containsAll(Topics.all().stream().map(Topic::name).toList());
        }
    }

    @Test
    void shouldAnswerARequestAndCountIt() {
        awaitRunning();
        final Instant now = Instant.now();
        final TransferRequest sameAccount = new TransferRequest("app-test-tx", "alice", "alice", 100L, "EUR", now,
                now.plus(Duration.ofMinutes(1)));
        try (KafkaProducer<String, TransferRequest> producer = new KafkaProducer<>(
                ExactlyOnce.producer(broker.getBrokersAsString()),
                Topics.TRANSFER_REQUESTS.keySerde().serializer(), Topics.TRANSFER_REQUESTS.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.TRANSFER_REQUESTS.name(), sameAccount.getTransactionId(),
                    sameAccount));
        }

        final TransferEvent event = awaitEvent("app-test-tx");

        assertThat(event.getBody()).isEqualTo(new TransferFailed(TransferFailureReason.SAME_ACCOUNT, false));
        web.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class)
                .value(text -> assertThat(text).contains("wallet_saga_events_total{type=\"TransferFailed\"} 1.0")
                        // The commit pacer's counters, under the names the benchmark reads.
                        .containsPattern("(?m)^wallet_commit_asks_total \\d")
                        .containsPattern("(?m)^wallet_commit_asks_busy_total \\d"));
    }

    private void awaitRunning() {
        await().atMost(WAIT_MAX).until(() -> streams.state() == KafkaStreams.State.RUNNING);
    }

    private TransferEvent awaitEvent(final String transactionId) {
        final Properties props = ExactlyOnce.readCommitted(broker.getBrokersAsString(), "app-test-reader");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        final List<TransferEvent> found = new ArrayList<>();
        try (KafkaConsumer<String, TransferEvent> consumer = new KafkaConsumer<>(props,
                Topics.TRANSFER_EVENTS.keySerde().deserializer(), Topics.TRANSFER_EVENTS.valueSerde().deserializer())) {
            consumer.subscribe(List.of(Topics.TRANSFER_EVENTS.name()));
            await().atMost(WAIT_MAX).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.value().getTransactionId().equals(transactionId)) {
                        found.add(record.value());
                    }
                });
                return !found.isEmpty();
            });
        }
        return found.get(0);
    }
}
