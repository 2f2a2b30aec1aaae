package dev.wallet.account;

import dev.wallet.account.topology.AccountProcessorSettings;
import dev.wallet.account.topology.AccountProcessorTopology;
import dev.wallet.schemas.kafka.ExactlyOnce;
import dev.wallet.schemas.topics.TopicProvisioner;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The account processor's Kafka Streams client and its life: provisions the topics, starts the
 * client when the application starts and closes it when it stops.
 *
 * <p>An exception escaping the topology is a broken invariant (business declines never throw), so
 * the client shuts down instead of replacing the thread and failing on the same record forever;
 * health then reports DOWN and the platform restarts the instance.
 */
public final class AccountProcessorStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AccountProcessorStreams.class);

    private final AccountProcessorProperties properties;
    private final String bootstrapServers;
    private final MeterRegistry meterRegistry;
    private volatile KafkaStreams streams;
    private volatile boolean hasRun;
    private KafkaStreamsMetrics streamsMetrics;

    public AccountProcessorStreams(final AccountProcessorProperties properties, final String bootstrapServers,
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
        hasRun = false;
        final StreamsBuilder builder = new StreamsBuilder();
        AccountProcessorTopology.build(builder, AccountProcessorSettings.defaults()
                .withAppliedStepsRetention(properties.appliedStepsRetention())
                .withCommitPacing(properties.commitPacing())
                .withMeterRegistry(meterRegistry));
        final KafkaStreams client = new KafkaStreams(builder.build(), streamsConfig());
        client.setUncaughtExceptionHandler(exception -> {
            log.error("The account processor stops: a stream thread failed with {}.", exception.toString(), exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        client.setStateListener((newState, oldState) -> {
            if (newState == KafkaStreams.State.RUNNING) {
                hasRun = true;
            }
            log.info("Account processor {} went from {} to {}.", properties.applicationId(), oldState, newState);
        });
        streamsMetrics = new KafkaStreamsMetrics(client);
        streamsMetrics.bindTo(meterRegistry);
        client.start();
        streams = client;
        log.info("Account processor {} started against {}.", properties.applicationId(), bootstrapServers);
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
        log.info("Account processor {} {} within {}.", properties.applicationId(),
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

    /**
     * Whether the client has been RUNNING since it started. A client that never reached Kafka sits in
     * REBALANCING too, so REBALANCING alone says nothing about health.
     */
    public boolean hasRun() {
        return hasRun;
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
