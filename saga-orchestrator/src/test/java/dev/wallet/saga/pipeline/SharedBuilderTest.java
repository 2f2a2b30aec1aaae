package dev.wallet.saga.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.account.topology.AccountProcessorTopology;
import dev.wallet.saga.topology.TransferSagaTopology;
import dev.wallet.schemas.avro.AccountCommand;
import dev.wallet.schemas.avro.AccountType;
import dev.wallet.schemas.avro.CommandStep;
import dev.wallet.schemas.avro.OpenAccount;
import dev.wallet.schemas.avro.TransferCompleted;
import dev.wallet.schemas.avro.TransferEvent;
import dev.wallet.schemas.avro.TransferRequest;
import dev.wallet.schemas.kafka.ExactlyOnce;
import dev.wallet.schemas.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/**
 * The saga and the account processor in ONE StreamsBuilder, as another module may run them: no
 * name clashes, and records the one writes reach the other within the same driver.
 */
class SharedBuilderTest {

    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

    @Test
    void shouldCompleteTransfersWithBothTopologiesInOneBuilder() {
        final StreamsBuilder builder = new StreamsBuilder();
        AccountProcessorTopology.build(builder);
        TransferSagaTopology.build(builder);
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(),
                ExactlyOnce.streams("wallet-write-path", "unused:9092", 1), NOW)) {
            final TestInputTopic<String, AccountCommand> commands = driver.createInputTopic(
                    Topics.ACCOUNT_COMMANDS.name(), Topics.ACCOUNT_COMMANDS.keySerde().serializer(),
                    Topics.ACCOUNT_COMMANDS.valueSerde().serializer());
            final TestInputTopic<String, TransferRequest> requests = driver.createInputTopic(
                    Topics.TRANSFER_REQUESTS.name(), Topics.TRANSFER_REQUESTS.keySerde().serializer(),
                    Topics.TRANSFER_REQUESTS.valueSerde().serializer());
            open(commands, "funding-EUR", AccountType.SYSTEM);
            open(commands, "alice", AccountType.USER);
            open(commands, "bob", AccountType.USER);

            requests.pipeInput("tx-fund", request("tx-fund", "funding-EUR", "alice", 1_000));
            requests.pipeInput("tx-pay", request("tx-pay", "alice", "bob", 400));

            final List<TransferEvent> ends = driver.createOutputTopic(Topics.TRANSFER_EVENTS.name(),
                            Topics.TRANSFER_EVENTS.keySerde().deserializer(), Topics.TRANSFER_EVENTS.valueSerde().deserializer())
                    .readValuesToList().stream()
                    .filter(event -> event.getBody() instanceof TransferCompleted).toList();
            assertThat(ends).extracting(TransferEvent::getTransactionId).containsExactly("tx-fund", "tx-pay");
        }
    }

    private static void open(final TestInputTopic<String, AccountCommand> commands, final String account,
                             final AccountType type) {
        commands.pipeInput(account, new AccountCommand(account, "open-" + account, CommandStep.OPEN, NOW,
                new OpenAccount(type, "EUR")));
    }

    private static TransferRequest request(final String tx, final String from, final String to, final long amountMinor) {
        return new TransferRequest(tx, from, to, amountMinor, "EUR", NOW, NOW.plus(Duration.ofMinutes(1)));
    }
}
