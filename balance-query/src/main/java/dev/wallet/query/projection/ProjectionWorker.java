package dev.wallet.query.projection;

import dev.wallet.schemas.topics.Topics;
import io.r2dbc.spi.R2dbcException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One of the {@link EventProjector}'s consumers: projects the partitions of
 * {@code wallet.account-events} and {@code wallet.transfer-events} that the group gave it.
 *
 * <p>Its thread polls a read_committed consumer, writes each poll as one database transaction
 * (decoding the next poll while the previous one is written), and only then commits its offsets
 * to Kafka: a row is durable before its offset is, so a crash re-reads
 * rather than loses, and the idempotent SQL makes the re-read harmless. When PostgreSQL is down
 * the projector pauses its partitions (still polling, so it stays in the group), retries the same
 * batch with a bounded backoff, and carries on where it was once the database is back: nothing is
 * skipped. A record that cannot be deserialized, or whose values the tables refuse, is skipped,
 * logged with topic/partition/offset and counted ({@link BatchDecoder}), so such a poison record
 * never stops the projection. So is a record PostgreSQL itself refuses for a reason no rule knew
 * beforehand (a data exception, a constraint, a program limit such as an index entry too long):
 * its batch is then written record by record, and the one PostgreSQL refuses alone is skipped.
 */
final class ProjectionWorker {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionWorker.class);
    private static final List<String> TOPICS = List.of(Topics.ACCOUNT_EVENTS.name(), Topics.TRANSFER_EVENTS.name());

    private final Properties consumerConfig;
    private final ProjectionWriter writer;
    private final ProjectionMetrics metrics;
    private final ProjectionLag lag;
    private final ProjectionProperties properties;
    private final BatchDecoder decoder;
    /** Decodes a refused batch's records again, one at a time; what it skips was counted the first time. */
    private final BatchDecoder redecoder = new BatchDecoder(topic -> { }, BatchDecoder.Listener.NONE);
    private final int index;

    private volatile boolean running;
    private volatile boolean failed;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;
    private long lagMeasuredAtMs;
    private InFlight inFlight;
    /** Records polled whose rows are not yet durable: behind, although the consumer's position is past them. */
    private long undurableRecords;

    /** A batch whose write was started, the poll it came from, and the offsets to commit once it is durable. */
    private record InFlight(ProjectionBatch batch, ConsumerRecords<byte[], byte[]> polled,
                            Map<TopicPartition, OffsetAndMetadata> offsets, long startNs,
                            CompletableFuture<Long> write) {

        int records() {
            return polled.count();
        }
    }

    /**
     * @param consumerConfig the projector's consumer settings (see {@link ProjectionConsumerConfig})
     * @param index          this worker's number within its projector: its thread name, client id and lag slot
     */
    ProjectionWorker(final Properties consumerConfig, final ProjectionWriter writer, final ProjectionMetrics metrics,
                     final ProjectionLag lag, final ProjectionProperties properties, final int index) {
        this.consumerConfig = consumerConfig;
        this.writer = writer;
        this.metrics = metrics;
        this.lag = lag;
        this.properties = properties;
        this.decoder = new BatchDecoder(metrics);
        this.index = index;
    }

    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        failed = false;
        thread = new Thread(this::run, "wallet-projector-" + index);
        thread.start();
    }

    /** Asks the thread to stop; {@link #awaitStop()} waits for it. */
    synchronized void requestStop() {
        running = false;
        final KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    synchronized void awaitStop() {
        if (thread != null) {
            try {
                thread.join(properties.shutdownWaitMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                LOG.warn("The projector thread did not stop within {} ms.", properties.shutdownWaitMs());
            }
        }
    }

    boolean isRunning() {
        return running;
    }

    /** True when the projector thread ended on an unexpected error (it does not restart by itself). */
    boolean hasFailed() {
        return failed;
    }

    private void run() {
        try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(consumerConfig)) {
            consumer = kafka;
            kafka.subscribe(TOPICS);
            LOG.info("Projector worker {} subscribed to {} as group {}.", index, TOPICS, properties.groupId());
            while (running) {
                projectOnePoll(kafka);
            }
        } catch (WakeupException e) {
            // requestStop() woke the consumer up; nothing was half-written (the write is one transaction).
        } catch (RuntimeException e) {
            failed = true;
            LOG.error("The projector stopped on an unexpected error; restart the service after fixing the cause.", e);
        } finally {
            // A batch still in flight is not committed: the next start reads it again, harmlessly.
            inFlight = null;
            undurableRecords = 0;
            consumer = null;
            running = false;
        }
    }

    /**
     * One step of the pipeline: poll and decode the next batch while the previous one is being
     * written, then wait for that write, commit its offsets, and start writing the new batch.
     * Writes stay strictly one after another; only Kafka fetching and decoding overlap them.
     */
    private void projectOnePoll(final KafkaConsumer<byte[], byte[]> kafka) {
        final ConsumerRecords<byte[], byte[]> records = kafka.poll(Duration.ofMillis(properties.pollTimeoutMs()));
        undurableRecords += records.count();
        final ProjectionBatch next = records.isEmpty() ? null : decoder.batchOf(records);
        final Map<TopicPartition, OffsetAndMetadata> nextOffsets = next == null ? null : positions(kafka);
        if (inFlight != null) {
            if (!completeDurably(kafka, inFlight)) {
                return;
            }
            inFlight = null;
        }
        if (next != null) {
            inFlight = new InFlight(next, records, nextOffsets, System.nanoTime(), writer.write(next).toFuture());
        }
        measureLagIfDue(kafka);
    }

    /** Waits for the batch's write, retrying it until durable, then commits its offsets; false when stopping. */
    private boolean completeDurably(final KafkaConsumer<byte[], byte[]> kafka, final InFlight batch) {
        try {
            final Long rows = batch.write().get(properties.writeTimeoutMs(), TimeUnit.MILLISECONDS);
            metrics.batchWritten(batch.batch(), rows == null ? 0 : rows, Duration.ofNanos(System.nanoTime()
                    - batch.startNs()));
        } catch (ExecutionException | TimeoutException e) {
            metrics.writeFailed();
            // Listed only on this failure path; a poll's records stay as Kafka returned them otherwise.
            final List<ConsumerRecord<byte[], byte[]>> polled = new ArrayList<>(batch.records());
            batch.polled().forEach(polled::add);
            final String refusal = refusalOf(e);
            final boolean written = refusal != null
                    ? writeOneByOne(kafka, polled, refusal)
                    : retryUntilDurable(kafka, batch.batch(), polled, causeOf(e));
            if (!written) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        undurableRecords -= batch.records();
        commit(kafka, batch.offsets());
        return true;
    }

    /** The next offset of every assigned partition, right after a poll: what to commit once its batch is durable. */
    private static Map<TopicPartition, OffsetAndMetadata> positions(final KafkaConsumer<byte[], byte[]> kafka) {
        final Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (final TopicPartition partition : kafka.assignment()) {
            // The position, not the last offset + 1: it also steps over transaction markers.
            offsets.put(partition, new OffsetAndMetadata(kafka.position(partition)));
        }
        return offsets;
    }

    private static String causeOf(final Exception e) {
        final Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return cause.getMessage();
    }

    /**
     * Retries a failed batch until it is durable; false only when the projector is stopping. While
     * retrying, the partitions are paused and the consumer keeps polling so it keeps its place in
     * the group. When PostgreSQL refuses the batch's data rather than being unavailable, the batch
     * is written record by record instead ({@link #writeOneByOne}).
     */
    private boolean retryUntilDurable(final KafkaConsumer<byte[], byte[]> kafka, final ProjectionBatch batch,
                                      final List<ConsumerRecord<byte[], byte[]>> polled, final String failure) {
        final int records = polled.size();
        LOG.warn("Writing a batch of {} records to PostgreSQL failed; the projection is paused and retries in {} ms: "
                + "{}", records, properties.retryBackoffMinMs(), failure);
        long backoffMs = properties.retryBackoffMinMs();
        while (running) {
            waitPaused(kafka, backoffMs);
            backoffMs = Math.min(backoffMs * 2, properties.retryBackoffMaxMs());
            final long startNs = System.nanoTime();
            try {
                final Long rows = writer.write(batch).block(Duration.ofMillis(properties.writeTimeoutMs()));
                metrics.batchWritten(batch, rows == null ? 0 : rows, Duration.ofNanos(System.nanoTime() - startNs));
                kafka.resume(kafka.paused());
                LOG.info("Writing to PostgreSQL works again; the projection continues.");
                return true;
            } catch (RuntimeException e) {
                metrics.writeFailed();
                final String refusal = refusalOf(e);
                if (refusal != null) {
                    kafka.resume(kafka.paused());
                    return writeOneByOne(kafka, polled, refusal);
                }
                LOG.warn("Writing a batch of {} records to PostgreSQL failed again; retrying in {} ms: {}",
                        records, backoffMs, e.getMessage());
            }
        }
        return false;
    }

    /**
     * Writes a batch PostgreSQL refused for its data one record at a time, in order, so that only the
     * record it refuses is skipped (logged with its coordinates and counted as poison); that record's
     * offset is still recorded as projected. False only when the projector is stopping.
     */
    private boolean writeOneByOne(final KafkaConsumer<byte[], byte[]> kafka,
                                  final List<ConsumerRecord<byte[], byte[]>> polled, final String failure) {
        if (polled.size() == 1) {
            final ConsumerRecord<byte[], byte[]> record = polled.get(0);
            decoder.refused(record, failure);
            final ProjectionBatch progressOnly = new ProjectionBatch();
            progressOnly.addProgress(record.topic(), record.partition(), record.offset() + 1, record.timestamp());
            return writeAlone(kafka, progressOnly, polled);
        }
        LOG.warn("PostgreSQL refused the data of a batch of {} records ({}); writing them one by one to skip the "
                + "one it refuses.", polled.size(), failure);
        for (final ConsumerRecord<byte[], byte[]> record : polled) {
            final List<ConsumerRecord<byte[], byte[]>> alone = List.of(record);
            if (!writeAlone(kafka, redecoder.batchOf(alone), alone)) {
                return false;
            }
        }
        return true;
    }

    /** Writes a one-record batch (or its progress alone) until durable, or skips its record when refused. */
    private boolean writeAlone(final KafkaConsumer<byte[], byte[]> kafka, final ProjectionBatch batch,
                               final List<ConsumerRecord<byte[], byte[]>> alone) {
        final long startNs = System.nanoTime();
        try {
            final Long rows = writer.write(batch).block(Duration.ofMillis(properties.writeTimeoutMs()));
            metrics.batchWritten(batch, rows == null ? 0 : rows, Duration.ofNanos(System.nanoTime() - startNs));
            return true;
        } catch (RuntimeException e) {
            metrics.writeFailed();
            final String refusal = refusalOf(e);
            if (refusal != null && batch.events() > 0) {
                return writeOneByOne(kafka, alone, refusal);
            }
            return retryUntilDurable(kafka, batch, alone, e.getMessage());
        }
    }

    /**
     * PostgreSQL's message when it refused the statement for the data it was given, which no retry
     * changes: a data exception (SQLSTATE class 22), an integrity violation other than the unique
     * violation {@link ProjectionWriter} already rewrites after (23), or a program limit (54, e.g. an
     * index entry too long). Null for anything else (no connection, a timeout, a shutdown): an outage
     * to wait out.
     */
    static String refusalOf(final Throwable failure) {
        final R2dbcException error = ProjectionWriter.databaseErrorIn(failure);
        if (error == null) {
            return null;
        }
        final String state = error.getSqlState();
        final boolean refused = state.startsWith("22") || state.startsWith("54")
                || state.startsWith("23") && !ProjectionWriter.isUniqueViolation(error);
        return refused ? error.getMessage() + " (SQLSTATE " + state + ")" : null;
    }

    private void waitPaused(final KafkaConsumer<byte[], byte[]> kafka, final long waitMs) {
        kafka.pause(kafka.assignment());
        final ConsumerRecords<byte[], byte[]> stray = kafka.poll(Duration.ofMillis(waitMs));
        // A partition assigned during the wait is not paused yet and may return records: read them again later.
        for (final TopicPartition partition : stray.partitions()) {
            kafka.seek(partition, stray.records(partition).get(0).offset());
        }
        measureLagIfDue(kafka);
    }

    /**
     * Commits the offsets of a durable batch, for the partitions this consumer still owns.
     * Asynchronous: a lost commit only means a harmless re-read, since the rows are durable and
     * idempotent; Kafka applies the commits of one consumer in order.
     */
    private static void commit(final KafkaConsumer<byte[], byte[]> kafka,
                               final Map<TopicPartition, OffsetAndMetadata> offsets) {
        final Set<TopicPartition> owned = kafka.assignment();
        final Map<TopicPartition, OffsetAndMetadata> ownedOffsets = new HashMap<>(offsets);
        ownedOffsets.keySet().retainAll(owned);
        if (ownedOffsets.isEmpty()) {
            return;
        }
        kafka.commitAsync(ownedOffsets, (committed, error) -> {
            if (error != null) {
                LOG.warn("Committing projected offsets to Kafka failed; the records will be read again: {}",
                        error.getMessage());
            }
        });
    }

    private void measureLagIfDue(final KafkaConsumer<byte[], byte[]> kafka) {
        final long nowMs = System.currentTimeMillis();
        if (nowMs - lagMeasuredAtMs < properties.lagRefreshMs()) {
            return;
        }
        lagMeasuredAtMs = nowMs;
        try {
            final Set<TopicPartition> assigned = kafka.assignment();
            final Map<TopicPartition, Long> ends = kafka.endOffsets(assigned);
            final Map<String, Long> byTopic = new HashMap<>();
            for (final String topic : TOPICS) {
                byTopic.put(topic, 0L);
            }
            for (final TopicPartition partition : assigned) {
                final long behind = Math.max(0, ends.getOrDefault(partition, 0L) - kafka.position(partition));
                byTopic.merge(partition.topic(), behind, Long::sum);
            }
            // Records polled but not yet durable count as behind; they are attributed to the ledger topic.
            byTopic.merge(Topics.ACCOUNT_EVENTS.name(), undurableRecords, Long::sum);
            byTopic.forEach((topic, records) -> lag.set(index, topic, records));
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            LOG.warn("Measuring the projection lag failed; the last value stays: {}", e.getMessage());
        }
    }
}
