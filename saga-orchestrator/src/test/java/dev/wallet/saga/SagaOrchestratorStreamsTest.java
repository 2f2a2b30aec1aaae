package dev.wallet.saga;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wallet.schemas.topics.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The service's start guard, against a real broker whose topics were set up wrongly by hand. */
class SagaOrchestratorStreamsTest {

    private EmbeddedKafkaKraftBroker broker;

    @BeforeEach
    void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(Map.of("transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
    }

    @AfterEach
    void stopBroker() {
        broker.destroy();
    }

    @Test
    void shouldRefuseToStartWhenRequestsAndRepliesAreNotCoPartitioned() {
        broker.addTopics(new NewTopic(Topics.TRANSFER_REQUESTS.name(), 2, (short) 1),
                new NewTopic(Topics.ACCOUNT_REPLIES.name(), 3, (short) 1));
        final SagaOrchestratorStreams streams = new SagaOrchestratorStreams(properties(), broker.getBrokersAsString(),
                new SimpleMeterRegistry());

        assertThatThrownBy(streams::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("same partition count");
    }

    private static SagaOrchestratorProperties properties() {
        return new SagaOrchestratorProperties("saga-guard-test", 2, (short) 1, false, "", 1,
                Duration.ofMillis(100), null, Duration.ofMillis(100), Duration.ofSeconds(1), 0, 131_072, Duration.ofMillis(5), Duration.ofHours(24), Duration.ofMinutes(1),
                10_000, Duration.ofSeconds(5));
    }
}
