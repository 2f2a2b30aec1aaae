package dev.wallet.account.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wallet.schemas.avro.AccountCommand;
import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.kafka.ExactlyOnce;
import dev.wallet.schemas.topics.TopicProvisioner;
import dev.wallet.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * An embedded KRaft broker with the wallet's topics, and the account processor topology on it in a
 * real Kafka Streams client with {@code exactly_once_v2} that a test can stop and start again.
 * Register it as a static {@code @RegisterExtension} field: the broker starts before the class and
 * stops after it, and the client stops after each test.
 */
final class LedgerOnBroker implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    /** Bound of every wait for the client or for events. */
    static final Duration WAIT_MAX = Duration.ofSeconds(90);

    private final int partitions;
    private final AtomicReference<Throwable> streamFailure = new AtomicReference<>();
    private EmbeddedKafkaKraftBroker broker;
    private KafkaProducer<String, AccountCommand> commands;
    private KafkaStreams streams;

    /** A broker whose topics have {@code partitions} partitions. */
    LedgerOnBroker(final int partitions) {
        this.partitions = partitions;
    }

    @Override
    public void beforeAll(final ExtensionContext context) throws InterruptedException {
        broker = new EmbeddedKafkaKraftBroker(1, partitions);
        broker.brokerProperties(Map.of(
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        try {
            new TopicProvisioner(partitions, (short) 1).ensureTopics(bootstrapServers());
            commands = new KafkaProducer<>(ExactlyOnce.producer(bootstrapServers()),
                    Topics.ACCOUNT_COMMANDS.keySerde().serializer(), Topics.ACCOUNT_COMMANDS.valueSerde().serializer());
        } catch (RuntimeException e) {
            afterAll(context);
            throw e;
        }
    }

    @Override
    public void afterEach(final ExtensionContext context) {
        stopLedger();
    }

    String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    /**
     * Starts the processor with its defaults as {@code applicationId} on {@code stateDir} and waits
     * until it runs; with {@code fromChangelogs} its local state is deleted first, so every store
     * restores from its changelog.
     */
    void startLedger(final String applicationId, final Path stateDir, final boolean fromChangelogs) {
        final StreamsBuilder builder = new StreamsBuilder();
        AccountProcessorTopology.build(builder);
        final Properties props = ExactlyOnce.streams(applicationId, bootstrapServers(), 1);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        // A closed client stays in the group until its session times out; the broker's minimum keeps
        // a restart from waiting the default 45 s for it.
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6_000);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1_500);
        streams = new KafkaStreams(builder.build(), props);
        if (fromChangelogs) {
            streams.cleanUp();
        }
        streams.setUncaughtExceptionHandler(exception -> {
            streamFailure.set(exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.start();
        await().atMost(WAIT_MAX).until(() -> streams.state() == KafkaStreams.State.RUNNING
                || streamFailure.get() != null);
        assertThat(streamFailure.get()).isNull();
    }

    /** Stops the processor, if it runs. */
    void stopLedger() {
        if (streams != null) {
            streams.close(Duration.ofSeconds(30));
            streams = null;
        }
    }

    /** What made the processor's client shut down, or null. */
    Throwable streamFailure() {
        return streamFailure.get();
    }

    /** Sends {@code commands} keyed by account, in order (one idempotent producer). */
    void send(final List<AccountCommand> toSend) {
        for (final AccountCommand command : toSend) {
            commands.send(new ProducerRecord<>(Topics.ACCOUNT_COMMANDS.name(), command.getAccountId(), command));
        }
        commands.flush();
    }

    /**
     * Reads every committed ledger event from the beginning until at least {@code count} are there,
     * or the processor failed; per partition in order.
     */
    List<AccountEvent> awaitEvents(final int count) {
        final Properties props = ExactlyOnce.readCommitted(bootstrapServers(), "unused");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        final List<AccountEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, AccountEvent> consumer = new KafkaConsumer<>(props,
                Topics.ACCOUNT_EVENTS.keySerde().deserializer(), Topics.ACCOUNT_EVENTS.valueSerde().deserializer())) {
            final List<TopicPartition> topicPartitions = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                topicPartitions.add(new TopicPartition(Topics.ACCOUNT_EVENTS.name(), p));
            }
            consumer.assign(topicPartitions);
            consumer.seekToBeginning(topicPartitions);
            await().atMost(WAIT_MAX).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> events.add(record.value()));
                return events.size() >= count || streamFailure.get() != null;
            });
        }
        return events;
    }

    @Override
    public void afterAll(final ExtensionContext context) {
        // Each step on its own, so one failing close does not leave a client or the broker running.
        try {
            stopLedger();
        } finally {
            try {
                if (commands != null) {
                    commands.close();
                }
            } finally {
                broker.destroy();
            }
        }
    }
}
