package dev.wallet.query.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.context.SmartLifecycle;

/**
 * Projects {@code wallet.account-events} and {@code wallet.transfer-events} into PostgreSQL with
 * {@link ProjectionProperties#consumers()} workers, each a consumer of the same group on its own
 * thread and database transactions (see {@link ProjectionWorker}).
 *
 * <p>Workers never write the same rows: both topics are keyed so that an account's events, and a
 * transfer's events, sit in one partition, hence with one worker; only during a rebalance can two
 * workers briefly write the same records, which the idempotent SQL makes harmless. More workers
 * overlap one worker's database round trips and commits with another's polling and decoding.
 */
public final class EventProjector implements SmartLifecycle {

    private final List<ProjectionWorker> workers = new ArrayList<>();

    /**
     * @param consumerConfig read_committed consumer settings without auto-commit (see
     *                       {@code ExactlyOnce.readCommitted}); byte-array deserializers are set here
     */
    public EventProjector(final Properties consumerConfig, final ProjectionWriter writer,
                          final ProjectionMetrics metrics, final ProjectionLag lag,
                          final ProjectionProperties properties) {
        final Properties config = ProjectionConsumerConfig.of(consumerConfig, properties);
        final String clientId = config.getProperty(ConsumerConfig.CLIENT_ID_CONFIG);
        for (int index = 0; index < Math.max(1, properties.consumers()); index++) {
            final Properties workerConfig = new Properties();
            workerConfig.putAll(config);
            if (clientId != null) {
                workerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-" + index);
            }
            workers.add(new ProjectionWorker(workerConfig, writer, metrics, lag, properties, index));
        }
    }

    @Override
    public synchronized void start() {
        workers.forEach(ProjectionWorker::start);
    }

    @Override
    public synchronized void stop() {
        workers.forEach(ProjectionWorker::requestStop);
        workers.forEach(ProjectionWorker::awaitStop);
    }

    /** True while any worker runs. */
    @Override
    public boolean isRunning() {
        return workers.stream().anyMatch(ProjectionWorker::isRunning);
    }

    /** True when a worker's thread ended on an unexpected error (it does not restart by itself). */
    public boolean hasFailed() {
        return workers.stream().anyMatch(ProjectionWorker::hasFailed);
    }
}
