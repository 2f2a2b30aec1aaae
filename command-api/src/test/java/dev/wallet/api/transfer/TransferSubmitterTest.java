package dev.wallet.api.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.api.kafka.CommandPublisher;
import dev.wallet.api.metrics.ApiMetrics;
import dev.wallet.api.waiting.WaitingLimit;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pure unit tests of the submit path over a MockProducer: limits and failures, no broker. */
class TransferSubmitterTest {

    private static final ValidTransfer TRANSFER =
            new ValidTransfer("5e0c9b7a-3f1d-4a2b-9c8e-7d6f5a4b3c2d", "alice", "bob", 100, "USD");

    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
    private final CommandPublisher publisher = new CommandPublisher(producer, 10, Duration.ofSeconds(30));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final WaitingLimit limit = new WaitingLimit("requests", 1, registry);
    private final TransferSubmitter submitter = new TransferSubmitter(publisher, new TransferWaiters(), limit,
            TransferValidatorTest.properties(Map.of()), new ApiMetrics(registry), Clock.systemUTC());

    @AfterEach
    void close() {
        publisher.close();
    }

    @Test
    void shouldRefuseWithoutWritingWhenAllWaitingPlacesAreTaken() {
        submitter.submit(TRANSFER).subscribe();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 1);

        final Submission second = submitter.submit(TRANSFER).block(Duration.ofSeconds(10));

        assertThat(second).isEqualTo(new Submission.Overloaded(1));
        assertThat(producer.history()).hasSize(1);
    }

    @Test
    void shouldAnswerNotWrittenWhenKafkaDoesNotAcknowledge() {
        final var submission = submitter.submit(TRANSFER).toFuture();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 1);

        producer.errorNext(new TimeoutException("no broker"));

        assertThat(submission.join()).isInstanceOf(Submission.NotWritten.class);
    }

    @Test
    void shouldGiveTheWaitingPlaceBackWhenAnswered() {
        final var submission = submitter.submit(TRANSFER).toFuture();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 1);

        producer.errorNext(new TimeoutException("no broker"));
        submission.join();

        // The place is given back just after the answer is handed on, so wait for it (bounded).
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> limit.inUse() == 0);
    }
}
