package dev.wallet.saga;

import dev.wallet.saga.topology.SagaSettings;
import dev.wallet.saga.topology.TransferSagaTopology;
import dev.wallet.schemas.kafka.ExactlyOnce;
import dev.wallet.schemas.topics.TopicProvisioner;
import dev.wallet.schemas.topics.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The orchestrator's Kafka Streams client and its life: provisions the topics, starts the client
 * when the application starts and closes it when it stops.
 *
 * <p>An exception escaping the topology is a broken invariant (business declines never throw), so
 * the client shuts down instead of replacing the thread and failing on the same record forever;
 * health then reports DOWN and the platform restarts the instance.
 */
public final class SagaOrchestratorStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SagaOrchestratorStreams.class);

    private final SagaOrchestratorProperties properties;
    private final String bootstrapServers;
    private final MeterRegistry meterRegistry;
    private volatile KafkaStreams streams;
    private KafkaStreamsMetrics streamsMetrics;

    public SagaOrchestratorStreams(final SagaOrchestratorProperties properties, final String bootstrapServers,
                                   final MeterRegistry meterRegistry) {
        this.properties = properties;
        this.bootstrapServers = bootstrapServers;
        this.meterRegistry = meterRegistry;
    }

    @Override
    public synchronized void start() {
        if (properties.provisionTopics()) {
            provisionTopics();
        }
        requireCoPartitionedInputs();
        final StreamsBuilder builder = new StreamsBuilder();
        TransferSagaTopology.build(builder, settings());
        final KafkaStreams client = new KafkaStreams(builder.build(), streamsConfig());
        client.setUncaughtExceptionHandler(exception -> {
            log.error("The saga orchestrator stops: a stream thread failed with {}.", exception.toString(), exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streamsMetrics = new KafkaStreamsMetrics(client);
        streamsMetrics.bindTo(meterRegistry);
        client.start();
        streams = client;
        log.info("Saga orchestrator {} started against {} with {}.", properties.applicationId(), bootstrapServers,
                settings());
    }

    @Override
    public synchronized void stop() {
        final KafkaStreams client = streams;
        if (client == null) {
            return;
        }
        final boolean closed = client.close(properties.closeTimeout());
        streamsMetrics.close();
        streams = null;
        log.info("Saga orchestrator {} {} within {}.", properties.applicationId(),
                closed ? "closed" : "did not close", properties.closeTimeout());
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }

    /** The client's state, or null while it is not started. */
    public KafkaStreams.State state() {
        final KafkaStreams client = streams;
        return client == null ? null : client.state();
    }

    /** The saga settings from the properties. */
    SagaSettings settings() {
        return SagaSettings.defaults()
                .withTerminalRetention(properties.terminalRetention())
                .withPurgeInterval(properties.purgeInterval())
                .withPurgeBatchMax(properties.purgeBatchMax())
                .withCommitPacing(properties.commitPacing())
                .withMeterRegistry(meterRegistry);
    }

    /** The Kafka Streams configuration this service runs with. */
    Properties streamsConfig() {
        final Properties props = ExactlyOnce.streams(properties.applicationId(), bootstrapServers,
                properties.replicationFactor());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, properties.streamThreads());
        props.putAll(properties.commitPacing().streamsSettings());
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, properties.stateStoreCacheMaxBytes());
        props.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), properties.producerBatchSizeBytes());
        props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), properties.producerLinger().toMillis());
        if (!properties.stateDir().isBlank()) {
            props.put(StreamsConfig.STATE_DIR_CONFIG, properties.stateDir());
        }
        return props;
    }

    /**
     * Fails the start when {@code wallet.transfer-requests} and {@code wallet.account-replies} have
     * different partition counts. Both are keyed by transaction_id; only with equal counts does the
     * answer of a transfer land in the task that holds its saga. Otherwise sagas would silently
     * wait forever.
     */
    private void requireCoPartitionedInputs() {
        final Properties adminProps = new Properties();
        adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        final String requests = Topics.TRANSFER_REQUESTS.name();
        final String replies = Topics.ACCOUNT_REPLIES.name();
        try (Admin admin = Admin.create(adminProps)) {
            final Map<String, TopicDescription> topics = admin.describeTopics(List.of(requests, replies))
                    .allTopicNames().get(TopicProvisioner.ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            final int requestPartitions = topics.get(requests).partitions().size();
            final int replyPartitions = topics.get(replies).partitions().size();
            if (requestPartitions != replyPartitions) {
                throw new IllegalStateException("The saga needs " + requests + " and " + replies
                        + " to have the same partition count, but they have " + requestPartitions + " and "
                        + replyPartitions + ".");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while describing topics at " + bootstrapServers + ".", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot describe the saga's input topics at " + bootstrapServers
                    + ": " + e.getMessage(), e);
        }
    }

    /** Creates the missing wallet topics. */
    private void provisionTopics() {
        try {
            final List<String> created = new TopicProvisioner(properties.partitions(), properties.replicationFactor())
                    .ensureTopics(bootstrapServers);
            log.info("Topics provisioned at {}: {}.", bootstrapServers, created.isEmpty() ? "all existed" : created);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while provisioning topics at " + bootstrapServers + ".", e);
        }
    }
}
