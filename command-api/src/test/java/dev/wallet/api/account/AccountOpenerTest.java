package dev.wallet.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.api.kafka.CommandPublisher;
import dev.wallet.api.metrics.ApiMetrics;
import dev.wallet.api.support.ApiProperties;
import dev.wallet.api.waiting.WaitingLimit;
import dev.wallet.schemas.avro.AccountType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pure unit tests of the open path over a MockProducer: the waiting limit, no broker. */
class AccountOpenerTest {

    private static final ValidOpenAccount CAROL = new ValidOpenAccount("carol", "USD", AccountType.USER);

    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
    private final CommandPublisher publisher = new CommandPublisher(producer, 10, Duration.ofSeconds(30));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final WaitingLimit limit = new WaitingLimit("requests", 1, registry);
    private final AccountOpener opener = new AccountOpener(publisher, new AccountOpenWaiters(), limit,
            ApiProperties.forTests(), new ApiMetrics(registry), Clock.systemUTC());

    @AfterEach
    void close() {
        publisher.close();
    }

    @Test
    void shouldAnswerOverloadedWithoutWritingWhenAllWaitingPlacesAreTaken() {
        opener.open(CAROL).subscribe();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 1);

        final AccountOpenOutcome second = opener.open(CAROL).block(Duration.ofSeconds(10));

        assertThat(second).isEqualTo(new AccountOpenOutcome.Overloaded(1));
        assertThat(producer.history()).hasSize(1);
    }
}
