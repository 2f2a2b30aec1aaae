package dev.wallet.account.topology;

import static dev.wallet.account.topology.Commands.credit;
import static dev.wallet.account.topology.Commands.debit;
import static dev.wallet.account.topology.Commands.open;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wallet.schemas.avro.AccountCommand;
import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.avro.AccountType;
import dev.wallet.schemas.kafka.ExactlyOnce;
import dev.wallet.schemas.topics.TopicProvisioner;
import dev.wallet.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The topology in a real Kafka Streams client with {@code exactly_once_v2} on an embedded KRaft
 * broker, closed and restarted mid-way on the same state directory: every command must get exactly
 * one event and the balances must come out right.
 */
class AccountProcessorRestartTest {

    private static final int PARTITIONS = 3;
    private static final int ACCOUNTS = 10;
    private static final int ROUNDS = 15;
    private static final long CREDIT_MINOR = 100;
    private static final long DEBIT_MINOR = 30;
    /** Every this many commands one is sent twice, as a replay would. */
    private static final int REPEAT_EVERY = 7;
    private static final Duration WAIT_MAX = Duration.ofSeconds(90);

    private static EmbeddedKafkaKraftBroker broker;

    @TempDir
    Path stateDir;

    private final AtomicReference<Throwable> streamFailure = new AtomicReference<>();
    private KafkaStreams streams;

    @BeforeAll
    static void startBroker() throws InterruptedException {
        broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        broker.brokerProperties(Map.of(
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        new TopicProvisioner(PARTITIONS, (short) 1).ensureTopics(broker.getBrokersAsString());
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.destroy();
        }
    }

    @AfterEach
    void closeStreams() {
        if (streams != null) {
            streams.close(Duration.ofSeconds(30));
        }
    }

    @Test
    void shouldAnswerEveryCommandExactlyOnceAcrossARestart() {
        final List<AccountCommand> commands = plannedCommands();
        final int half = commands.size() / 2;
        try (KafkaProducer<String, AccountCommand> producer = producer()) {
            startStreams();
            send(producer, commands.subList(0, half));
            awaitEvents(half / 2);
            streams.close(Duration.ofSeconds(30));

            startStreams();
            send(producer, commands.subList(half, commands.size()));
        }
        final List<AccountEvent> events = awaitEvents(commands.size());

        assertThat(streamFailure.get()).isNull();
        assertThat(events).hasSize(commands.size());
        assertOneAnswerPerCommand(commands, events);
        assertBalancesAndSequences(events);
    }

    private static List<AccountCommand> plannedCommands() {
        final List<AccountCommand> planned = new ArrayList<>();
        for (int a = 0; a < ACCOUNTS; a++) {
            planned.add(open(account(a), "open-" + a, AccountType.USER, "USD"));
        }
        for (int round = 0; round < ROUNDS; round++) {
            for (int a = 0; a < ACCOUNTS; a++) {
                planned.add(credit(account(a), "credit-" + round + "-" + a, CREDIT_MINOR, "USD"));
                planned.add(debit(account(a), "debit-" + round + "-" + a, DEBIT_MINOR, "USD"));
            }
        }
        final List<AccountCommand> withRepeats = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            withRepeats.add(planned.get(i));
            if (i % REPEAT_EVERY == REPEAT_EVERY - 1) {
                withRepeats.add(planned.get(i));
            }
        }
        return withRepeats;
    }

    private static String account(final int index) {
        return "account-" + index;
    }

    private void assertOneAnswerPerCommand(final List<AccountCommand> commands, final List<AccountEvent> events) {
        final Map<String, Integer> sent = new HashMap<>();
        commands.forEach(command -> sent.merge(operation(command.getAccountId(), command.getTransactionId(),
                command.getStep().name()), 1, Integer::sum));
        final Map<String, Integer> answered = new HashMap<>();
        final Map<String, Integer> firstAnswers = new HashMap<>();
        for (final AccountEvent event : events) {
            final String operation = operation(event.getAccountId(), event.getTransactionId(), event.getStep().name());
            answered.merge(operation, 1, Integer::sum);
            if (!event.getRepeated()) {
                firstAnswers.merge(operation, 1, Integer::sum);
            }
        }
        assertThat(answered).isEqualTo(sent);
        assertThat(firstAnswers).hasSameSizeAs(sent).allSatisfy((operation, count) -> assertThat(count).isOne());
    }

    private static void assertBalancesAndSequences(final List<AccountEvent> events) {
        final Map<String, List<AccountEvent>> ledgerEntries = new HashMap<>();
        events.stream().filter(event -> !event.getRepeated())
                .forEach(event -> ledgerEntries.computeIfAbsent(event.getAccountId(), id -> new ArrayList<>()).add(event));
        assertThat(ledgerEntries).hasSize(ACCOUNTS);
        ledgerEntries.forEach((accountId, entries) -> {
            for (int i = 0; i < entries.size(); i++) {
                assertThat(entries.get(i).getSequence()).as("sequence of %s", accountId).isEqualTo(i + 1);
            }
            final AccountEvent last = entries.get(entries.size() - 1);
            assertThat(last.getBalanceAfterMinor()).as("balance of %s", accountId)
                    .isEqualTo(ROUNDS * (CREDIT_MINOR - DEBIT_MINOR));
        });
    }

    private static String operation(final String accountId, final String transactionId, final String step) {
        return accountId + "/" + transactionId + "/" + step;
    }

    private void startStreams() {
        final StreamsBuilder builder = new StreamsBuilder();
        AccountProcessorTopology.build(builder);
        final Properties props = ExactlyOnce.streams("account-processor-restart-test", broker.getBrokersAsString(), 1);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        // A closed client stays in the group until its session times out; the broker's minimum keeps
        // the restart from waiting the default 45 s for it.
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6_000);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1_500);
        streams = new KafkaStreams(builder.build(), props);
        streams.setUncaughtExceptionHandler(exception -> {
            streamFailure.set(exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.start();
        await().atMost(WAIT_MAX).until(() -> streams.state() == KafkaStreams.State.RUNNING
                || streamFailure.get() != null);
        assertThat(streamFailure.get()).isNull();
    }

    private static KafkaProducer<String, AccountCommand> producer() {
        return new KafkaProducer<>(ExactlyOnce.producer(broker.getBrokersAsString()),
                Topics.ACCOUNT_COMMANDS.keySerde().serializer(), Topics.ACCOUNT_COMMANDS.valueSerde().serializer());
    }

    private static void send(final KafkaProducer<String, AccountCommand> producer, final List<AccountCommand> commands) {
        for (final AccountCommand command : commands) {
            producer.send(new ProducerRecord<>(Topics.ACCOUNT_COMMANDS.name(), command.getAccountId(), command));
        }
        producer.flush();
    }

    /** Reads every committed ledger event from the beginning until at least {@code count} are there. */
    private List<AccountEvent> awaitEvents(final int count) {
        final Properties props = ExactlyOnce.readCommitted(broker.getBrokersAsString(), "unused");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        final List<AccountEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, AccountEvent> consumer = new KafkaConsumer<>(props,
                Topics.ACCOUNT_EVENTS.keySerde().deserializer(), Topics.ACCOUNT_EVENTS.valueSerde().deserializer())) {
            final List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) {
                partitions.add(new TopicPartition(Topics.ACCOUNT_EVENTS.name(), p));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(WAIT_MAX).until(() -> {
                for (final ConsumerRecord<String, AccountEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    events.add(record.value());
                }
                return events.size() >= count || streamFailure.get() != null;
            });
        }
        return events;
    }
}
