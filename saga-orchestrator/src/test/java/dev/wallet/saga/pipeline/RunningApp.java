package dev.wallet.saga.pipeline;

import static org.awaitility.Awaitility.await;

import dev.wallet.schemas.kafka.CommitPacing;
import dev.wallet.schemas.kafka.ExactlyOnce;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;

/**
 * One wallet Streams app (saga or account processor) against a real broker, configured as the
 * services run it (exactly_once_v2, cache off, 128 KiB batches, paced commits), that can be closed and started
 * again on the same state directory, the way a process restart looks.
 */
final class RunningApp implements AutoCloseable {

    /** Bound of the wait for RUNNING after a start (a first join plus restoring the stores). */
    static final Duration RUNNING_TIMEOUT = Duration.ofSeconds(60);

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final String applicationId;
    private final Consumer<StreamsBuilder> topology;
    private final String bootstrapServers;
    private final Path stateDir;
    private final Map<String, String> overrides;
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private KafkaStreams streams;

    RunningApp(final String applicationId, final Consumer<StreamsBuilder> topology, final String bootstrapServers,
               final Path stateDir) {
        this(applicationId, topology, bootstrapServers, stateDir, Map.of());
    }

    /** As above, with Streams settings that replace the service-like ones (for measurements). */
    RunningApp(final String applicationId, final Consumer<StreamsBuilder> topology, final String bootstrapServers,
               final Path stateDir, final Map<String, String> overrides) {
        this.applicationId = applicationId;
        this.topology = topology;
        this.bootstrapServers = bootstrapServers;
        this.stateDir = stateDir;
        this.overrides = Map.copyOf(overrides);
    }

    /** Starts the app and waits (bounded) until it is RUNNING. */
    void start() {
        final StreamsBuilder builder = new StreamsBuilder();
        topology.accept(builder);
        streams = new KafkaStreams(builder.build(), config());
        streams.setUncaughtExceptionHandler(exception -> {
            failures.add(exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.start();
        await(applicationId + " RUNNING").atMost(RUNNING_TIMEOUT)
                .until(() -> streams.state() == KafkaStreams.State.RUNNING || !failures.isEmpty());
    }

    /** Closes the app, leaving the group so a restart need not wait for a session timeout; keeps the state. */
    void stop() {
        if (streams != null) {
            streams.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(CLOSE_TIMEOUT));
            streams = null;
        }
    }

    List<Throwable> failures() {
        return List.copyOf(failures);
    }

    private Properties config() {
        final Properties props = ExactlyOnce.streams(applicationId, bootstrapServers, 1);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // As the services: Kafka Streams commits at the backlog interval, the topologies' pacing
        // asks for commits every 30 ms while their inputs are fresh, and a thread with nothing to
        // read polls briefly so that it notices when it owes one.
        props.putAll(CommitPacing.DEFAULT.streamsSettings());
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 131_072);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 20);
        // If the closed member's leave is not honoured, the restart waits for its session to
        // expire: keep that at the broker's minimum instead of the default 45 s.
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6_000);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1_000);
        props.putAll(overrides);
        return props;
    }

    @Override
    public void close() {
        stop();
    }
}
