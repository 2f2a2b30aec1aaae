package dev.wallet.ops.support;

import static org.awaitility.Awaitility.await;

import dev.wallet.account.topology.AccountProcessorTopology;
import dev.wallet.ops.processor.ProcessorGroup;
import dev.wallet.saga.topology.TransferSagaTopology;
import dev.wallet.schemas.avro.AccountCommand;
import dev.wallet.schemas.avro.AccountType;
import dev.wallet.schemas.avro.CommandStep;
import dev.wallet.schemas.avro.OpenAccount;
import dev.wallet.schemas.avro.TransferEvent;
import dev.wallet.schemas.avro.TransferPhase;
import dev.wallet.schemas.avro.TransferRequest;
import dev.wallet.schemas.kafka.ExactlyOnce;
import dev.wallet.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;

/**
 * The real write path on an embedded broker: the account processor's and the saga's topologies in
 * one Kafka Streams client ({@code exactly_once_v2}), fed with open commands and transfer requests
 * as the command API writes them. What it produces is a realistic ledger.
 */
public final class RealWallet implements AutoCloseable {

    /** Bound on the write path answering; the test fails instead of hanging. */
    public static final Duration WAIT_MAX = Duration.ofSeconds(120);

    private final String bootstrapServers;
    private final String applicationId;
    private final Path stateDir;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final KafkaProducer<String, byte[]> producer;
    private KafkaStreams streams;

    public RealWallet(final String bootstrapServers, final String applicationId, final Path stateDir) {
        this.bootstrapServers = bootstrapServers;
        this.applicationId = applicationId;
        this.stateDir = stateDir;
        this.producer = new KafkaProducer<>(ExactlyOnce.producer(bootstrapServers), new StringSerializer(),
                new ByteArraySerializer());
    }

    /** Starts the Streams client and waits (bounded) until it runs. */
    public void start() {
        final StreamsBuilder builder = new StreamsBuilder();
        AccountProcessorTopology.build(builder);
        TransferSagaTopology.build(builder);
        final Properties props = ExactlyOnce.streams(applicationId, bootstrapServers, 1);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6_000);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1_500);
        streams = new KafkaStreams(builder.build(), props);
        streams.setUncaughtExceptionHandler(exception -> {
            failure.set(exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.start();
        await().atMost(WAIT_MAX).until(() -> streams.state() == KafkaStreams.State.RUNNING || failure.get() != null);
        if (failure.get() != null) {
            throw new IllegalStateException("the write path failed", failure.get());
        }
    }

    /**
     * Stops the Streams client and waits (bounded) until its group has no member: a closed Streams
     * client does not leave its group, it is dropped when its session (6 s here) times out.
     */
    public void stop() {
        if (streams != null) {
            streams.close(Duration.ofSeconds(30));
            streams = null;
            await().atMost(WAIT_MAX).pollInterval(Duration.ofMillis(500))
                    .until(() -> ProcessorGroup.isStopped(bootstrapServers, applicationId));
        }
    }

    public void open(final String accountId, final AccountType type) {
        final AccountCommand command = new AccountCommand(accountId, "open-" + accountId, CommandStep.OPEN,
                Instant.now(), new OpenAccount(type, "USD"));
        producer.send(new ProducerRecord<>(Topics.ACCOUNT_COMMANDS.name(), accountId,
                Topics.ACCOUNT_COMMANDS.valueSerde().serializer().serialize(Topics.ACCOUNT_COMMANDS.name(), command)));
        producer.flush();
    }

    /** Requests a transfer; returns its transaction id. */
    public String transfer(final String from, final String to, final long amountMinor) {
        final String transactionId = UUID.randomUUID().toString();
        final Instant now = Instant.now();
        final TransferRequest request = new TransferRequest(transactionId, from, to, amountMinor, "USD", now,
                now.plus(Duration.ofMinutes(10)));
        producer.send(new ProducerRecord<>(Topics.TRANSFER_REQUESTS.name(), transactionId,
                Topics.TRANSFER_REQUESTS.valueSerde().serializer().serialize(Topics.TRANSFER_REQUESTS.name(), request)));
        return transactionId;
    }

    /** Waits (bounded) until every transfer in {@code transactionIds} is COMPLETED or FAILED. */
    public void awaitTerminal(final Set<String> transactionIds) {
        producer.flush();
        final Set<String> open = new HashSet<>(transactionIds);
        final Properties props = ExactlyOnce.readCommitted(bootstrapServers, "ops-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            final List<TopicPartition> partitions = consumer.partitionsFor(Topics.TRANSFER_EVENTS.name()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(WAIT_MAX).until(() -> {
                for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    final TransferEvent event = Topics.TRANSFER_EVENTS.valueSerde().deserializer()
                            .deserialize(record.topic(), record.value());
                    if (event.getPhase() == TransferPhase.COMPLETED || event.getPhase() == TransferPhase.FAILED) {
                        open.remove(event.getTransactionId());
                    }
                }
                if (failure.get() != null) {
                    throw new IllegalStateException("the write path failed", failure.get());
                }
                return open.isEmpty();
            });
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            producer.close();
        }
    }
}
