package dev.wallet.account.topology;

import static dev.wallet.account.topology.Commands.credit;
import static dev.wallet.account.topology.Commands.debit;
import static dev.wallet.account.topology.Commands.open;
import static dev.wallet.account.topology.Commands.refund;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wallet.account.store.AccountStores;
import dev.wallet.account.store.AppliedStepsStore;
import dev.wallet.schemas.avro.AccountCommand;
import dev.wallet.schemas.avro.AccountDebited;
import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.avro.AccountRefunded;
import dev.wallet.schemas.avro.AccountType;
import dev.wallet.schemas.kafka.ExactlyOnce;
import dev.wallet.schemas.topics.TopicProvisioner;
import dev.wallet.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.internals.WindowKeySchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The upgrade to bucketed applied steps in a real Kafka Streams client with {@code exactly_once_v2}
 * on an embedded KRaft broker: a debit that an earlier version saved (an exact stamp, in the
 * changelog of {@link AccountStores#APPLIED_STEPS_V1}) is restored from that changelog into empty
 * local state and still answered as a repeat, and its refund still finds it.
 */
class AccountProcessorUpgradeTest {

    private static final String APPLICATION_ID = "account-processor-upgrade-test";
    private static final int PARTITIONS = 2;
    private static final Duration WAIT_MAX = Duration.ofSeconds(90);

    private static EmbeddedKafkaKraftBroker broker;

    @TempDir
    Path stateDir;

    private final AtomicReference<Throwable> streamFailure = new AtomicReference<>();
    private final List<AccountEvent> events = new ArrayList<>();
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
    void shouldFindDebitSavedByAnEarlierVersionAfterRestoringFromTheChangelogs() {
        try (KafkaProducer<String, AccountCommand> commands = commandProducer()) {
            startStreams();
            send(commands, open("alice", "open-alice", AccountType.USER, "USD"),
                    credit("alice", "fund-alice", 1_000, "USD"), debit("alice", "tx-1", 400, "USD"));
            awaitEvents(3);
            streams.close(Duration.ofSeconds(30));
            assertThat(changelog(AccountStores.APPLIED_STEPS_V1)).as("records this version wrote to the old store")
                    .isEmpty();

            saveAsEarlierVersion("alice", "tx-1");
            startStreamsOnEmptyState();
            send(commands, debit("alice", "tx-1", 400, "USD"), refund("alice", "tx-1", 400, "USD"));
            awaitEvents(5);
        }

        assertThat(streamFailure.get()).isNull();
        final AccountEvent repeat = events.get(3);
        assertThat(repeat.getRepeated()).isTrue();
        assertThat(repeat.getBody()).isEqualTo(new AccountDebited(400L));
        assertThat(repeat.getSequence()).isEqualTo(events.get(2).getSequence());
        assertThat(repeat.getBalanceAfterMinor()).isEqualTo(600);
        final AccountEvent refunded = events.get(4);
        assertThat(refunded.getBody()).isEqualTo(new AccountRefunded(400L));
        assertThat(refunded.getBalanceAfterMinor()).isEqualTo(1_000);
    }

    /**
     * Rewrites the changelogs as an earlier version would have left them: the entry of
     * {@code transactionId} on {@code accountId} leaves the bucketed store's changelog (a tombstone)
     * and appears in the old store's, stamped with the exact time now.
     */
    private void saveAsEarlierVersion(final String accountId, final String transactionId) {
        final byte[] key = AppliedStepsStore.key(accountId, transactionId).getBytes(StandardCharsets.UTF_8);
        final ConsumerRecord<byte[], byte[]> saved = changelog(AccountStores.APPLIED_STEPS).stream()
                .filter(record -> isWindowKeyOf(record.key(), key))
                .reduce((first, second) -> second)
                .orElseThrow();
        assertThat(saved.value()).isNotNull();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(ExactlyOnce.producer(broker.getBrokersAsString()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(changelogTopic(AccountStores.APPLIED_STEPS), saved.partition(),
                    saved.key(), null));
            producer.send(new ProducerRecord<>(changelogTopic(AccountStores.APPLIED_STEPS_V1), saved.partition(),
                    WindowKeySchema.toStoreKeyBinary(Bytes.wrap(key), System.currentTimeMillis(), 0).get(),
                    saved.value()));
            producer.flush();
        }
    }

    /** Whether {@code windowKey} is a window store's key of {@code key}: the key, an 8-byte stamp, a 4-byte sequence. */
    private static boolean isWindowKeyOf(final byte[] windowKey, final byte[] key) {
        return windowKey.length == key.length + Long.BYTES + Integer.BYTES
                && Arrays.equals(windowKey, 0, key.length, key, 0, key.length);
    }

    private static String changelogTopic(final String store) {
        return APPLICATION_ID + "-" + store + "-changelog";
    }

    /** Every record of the changelog of {@code store}, from the beginning. */
    private static List<ConsumerRecord<byte[], byte[]>> changelog(final String store) {
        final Properties props = ExactlyOnce.readCommitted(broker.getBrokersAsString(), "unused");
        final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            final List<TopicPartition> partitions = new ArrayList<>();
            for (final PartitionInfo info : consumer.partitionsFor(changelogTopic(store))) {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            await().atMost(WAIT_MAX).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return partitions.stream().allMatch(partition -> consumer.position(partition) >= ends.get(partition));
            });
        }
        return records;
    }

    /** Starts the processor after deleting its local state, so every store restores from its changelog. */
    private void startStreamsOnEmptyState() {
        streams = new KafkaStreams(topology(), properties());
        streams.cleanUp();
        start();
    }

    private void startStreams() {
        streams = new KafkaStreams(topology(), properties());
        start();
    }

    private void start() {
        streams.setUncaughtExceptionHandler(exception -> {
            streamFailure.set(exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.start();
        await().atMost(WAIT_MAX).until(() -> streams.state() == KafkaStreams.State.RUNNING
                || streamFailure.get() != null);
        assertThat(streamFailure.get()).isNull();
    }

    private static Topology topology() {
        final StreamsBuilder builder = new StreamsBuilder();
        AccountProcessorTopology.build(builder);
        return builder.build();
    }

    private Properties properties() {
        final Properties props = ExactlyOnce.streams(APPLICATION_ID, broker.getBrokersAsString(), 1);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        // A closed client stays in the group until its session times out; the broker's minimum keeps
        // the restart from waiting the default 45 s for it.
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6_000);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1_500);
        return props;
    }

    private static KafkaProducer<String, AccountCommand> commandProducer() {
        return new KafkaProducer<>(ExactlyOnce.producer(broker.getBrokersAsString()),
                Topics.ACCOUNT_COMMANDS.keySerde().serializer(), Topics.ACCOUNT_COMMANDS.valueSerde().serializer());
    }

    /** Sends {@code commands} in order: one account, so one partition, from one idempotent producer. */
    private void send(final KafkaProducer<String, AccountCommand> producer, final AccountCommand... commands) {
        for (final AccountCommand command : commands) {
            producer.send(new ProducerRecord<>(Topics.ACCOUNT_COMMANDS.name(), command.getAccountId(), command));
        }
        producer.flush();
    }

    /** Reads the committed ledger events from the beginning, in order (all of one account), until {@code count} are there. */
    private void awaitEvents(final int count) {
        final Properties props = ExactlyOnce.readCommitted(broker.getBrokersAsString(), "unused");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        events.clear();
        try (KafkaConsumer<String, AccountEvent> consumer = new KafkaConsumer<>(props,
                Topics.ACCOUNT_EVENTS.keySerde().deserializer(), Topics.ACCOUNT_EVENTS.valueSerde().deserializer())) {
            final List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) {
                partitions.add(new TopicPartition(Topics.ACCOUNT_EVENTS.name(), p));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(WAIT_MAX).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> events.add(record.value()));
                return events.size() >= count || streamFailure.get() != null;
            });
        }
        assertThat(events).hasSize(count);
    }
}
