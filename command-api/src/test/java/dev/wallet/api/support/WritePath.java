package dev.wallet.api.support;

import dev.wallet.schemas.kafka.ExactlyOnce;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.awaitility.Awaitility;

/**
 * The real write path, each part (a topology's static {@code build(StreamsBuilder)}: the account
 * processor, the transfer saga) in its own Kafka Streams client.
 */
public final class WritePath implements AutoCloseable {

    private final List<KafkaStreams> clients = new ArrayList<>();
    private final List<Path> stateDirs = new ArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    private WritePath() {
    }

    /**
     * Starts each part, keyed by its application id, against {@code bootstrap} and waits (bounded)
     * until all run.
     */
    public static WritePath start(final String bootstrap, final Map<String, Consumer<StreamsBuilder>> parts)
            throws IOException {
        final WritePath path = new WritePath();
        try {
            for (final Map.Entry<String, Consumer<StreamsBuilder>> part : parts.entrySet()) {
                path.startClient(part.getKey(), bootstrap, part.getValue());
            }
            Awaitility.await("write path RUNNING").atMost(Duration.ofSeconds(60))
                    .until(path::allRunning);
            return path;
        } catch (RuntimeException | IOException e) {
            path.close();
            throw e;
        }
    }

    private void startClient(final String applicationId, final String bootstrap,
                             final Consumer<StreamsBuilder> topology) throws IOException {
        final StreamsBuilder builder = new StreamsBuilder();
        topology.accept(builder);
        final Properties props = ExactlyOnce.streams(applicationId, bootstrap, 1);
        final Path stateDir = Files.createTempDirectory(applicationId);
        stateDirs.add(stateDir);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 50);
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        final KafkaStreams client = new KafkaStreams(builder.build(), props);
        client.setUncaughtExceptionHandler(exception -> {
            failures.add(exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        clients.add(client);
        client.start();
    }

    private boolean allRunning() {
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a write-path stream thread failed", failures.get(0));
        }
        return clients.stream().allMatch(c -> c.state() == KafkaStreams.State.RUNNING);
    }

    /** Exceptions that escaped a stream thread so far; empty when the write path is healthy. */
    public List<Throwable> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() {
        for (final KafkaStreams client : clients) {
            client.close(Duration.ofSeconds(10));
        }
        for (final Path stateDir : stateDirs) {
            // Each client's temporary state directory, whole: tests leave nothing behind in /tmp.
            try {
                Utils.delete(stateDir.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("could not delete " + stateDir, e);
            }
        }
    }
}
