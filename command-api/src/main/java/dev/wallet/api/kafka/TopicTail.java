package dev.wallet.api.kafka;

import dev.wallet.schemas.topics.Topic;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows every partition of one topic from its end, on a thread of its own, and hands each
 * committed record to a handler.
 *
 * <p>Why this shape: an API instance must see the outcome of every request it wrote, and the saga
 * writes that outcome to whatever partition the transaction_id hashes to. So every instance reads
 * all partitions ({@code assign}, no consumer group, nothing committed), starting at the end when
 * it starts: it waits only for requests written after it started, so history is of no use to it.
 * The cost is that every instance decodes every event: cluster-wide read work grows with
 * instances x event rate. Alternatives, for when that dominates: a reply topic partitioned by
 * instance (each instance reads only its own partition, but the saga must learn where to reply),
 * or routing requests to the instance that owns the transaction_id's partition.
 *
 * <p>The tail is {@link #isReady() ready} once it is positioned at the end of every partition;
 * before that a request may miss its outcome and answer pending, which is never wrong. New
 * partitions are picked up every {@code partitionRefresh} and read from their beginning. A record
 * that cannot be decoded is skipped, logged with topic, partition and offset, and counted in
 * {@code wallet.api.events.dropped}.
 *
 * @param <V> the record value type
 */
public final class TopicTail<V> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TopicTail.class);

    /** How often the partition count is checked again. */
    public static final Duration PARTITION_REFRESH = Duration.ofSeconds(30);

    /** A {@code waitingSinceMs} for a tail that always reads: it never pauses. */
    public static final long ALWAYS = Long.MIN_VALUE;

    /** What {@code waitingSinceMs} answers while nobody waits: the tail pauses. */
    public static final long NOBODY_WAITS = Long.MAX_VALUE;

    /**
     * How far before the earliest waiter's registration a resumed tail starts reading: room for the
     * wall clock stepping back between the registration and the send of the waiter's command.
     */
    public static final Duration REWIND = Duration.ofSeconds(1);

    /**
     * How often a paused tail asks whether somebody waits again. It does not poll the consumer
     * meanwhile, so a waiter's answer is late by at most this (plus the resume's two offset lookups),
     * not by a poll timeout.
     */
    static final Duration PAUSED_CHECK = Duration.ofMillis(5);

    private final Topic<String, V> topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Deserializer<V> deserializer;
    private final Consumer<V> handler;
    private final LongSupplier waitingSinceMs;
    private final Duration pollTimeout;
    private final Counter dropped;
    private final Thread thread;
    private final Set<TopicPartition> assigned = new HashSet<>();
    private volatile boolean ready;
    private volatile boolean paused;
    private volatile boolean running = true;

    /**
     * @param topic            the topic to follow
     * @param consumerSettings read-committed consumer settings; any group id is removed
     * @param handler          called on the tail's thread for every decoded record; must be quick
     * @param waitingSinceMs   the wall-clock time (epoch ms) since which somebody waits for a record
     *                         of this topic, {@link #NOBODY_WAITS} while nobody does, or {@link #ALWAYS}.
     *                         Asked before each poll, not per record. While nobody waits the tail
     *                         pauses its partitions: it fetches and decodes nothing (the account-events
     *                         tail needs records only while an open waits, and most of that topic is
     *                         ledger entries of transfers). When somebody waits again it seeks each
     *                         partition to the first record stamped at or after that time less
     *                         {@link #REWIND}, so no record written for a waiter is skipped: a waiter
     *                         registers before its command is sent, and the command's timestamp, from
     *                         the same clock, is what the answering event carries.
     * @param pollTimeout      the poll timeout
     * @param registry         where the dropped-records counter is registered
     */
    public TopicTail(final Topic<String, V> topic, final Properties consumerSettings, final Consumer<V> handler,
                     final LongSupplier waitingSinceMs, final Duration pollTimeout, final MeterRegistry registry) {
        this.topic = topic;
        final Properties props = new Properties();
        props.putAll(consumerSettings);
        // Manual assignment of every partition: no group membership, nothing committed.
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.deserializer = topic.valueSerde().deserializer();
        this.handler = handler;
        this.waitingSinceMs = waitingSinceMs;
        this.pollTimeout = pollTimeout;
        this.dropped = Counter.builder("wallet.api.events.dropped")
                .description("Records of an event topic that could not be decoded and were skipped")
                .tag("topic", topic.name())
                .register(registry);
        this.thread = new Thread(this::run, "wallet-api-tail-" + topic.name());
        this.thread.setDaemon(true);
    }

    /** Starts following the topic. */
    public void start() {
        thread.start();
    }

    /** True once positioned at the end of every partition, so every later record will be seen. */
    public boolean isReady() {
        return ready;
    }

    /** True while the tail's partitions are paused because nobody waits: it fetches nothing. */
    public boolean isPaused() {
        return paused;
    }

    private void run() {
        long nextRefreshMs = 0;
        try {
            while (running) {
                if (System.currentTimeMillis() >= nextRefreshMs) {
                    refreshAssignment();
                    nextRefreshMs = System.currentTimeMillis() + (ready ? PARTITION_REFRESH.toMillis() : 1_000);
                }
                if (assigned.isEmpty()) {
                    sleepQuietly(pollTimeout);
                    continue;
                }
                final long since = waitingSinceMs.getAsLong();
                if (since == NOBODY_WAITS) {
                    pause();
                    sleepQuietly(PAUSED_CHECK);
                    continue;
                }
                if (paused) {
                    resumeFrom(since);
                }
                for (final ConsumerRecord<String, byte[]> record : consumer.poll(pollTimeout)) {
                    handle(record);
                }
            }
        } catch (WakeupException e) {
            // close() woke the consumer up: a normal way out of poll.
        } catch (RuntimeException e) {
            log.error("The tail of {} stopped; outcomes will answer pending until restart.", topic.name(), e);
        } finally {
            ready = false;
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void refreshAssignment() {
        final List<PartitionInfo> partitions;
        try {
            partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            log.warn("Cannot read the partitions of {} yet: {}", topic.name(), e.toString());
            return;
        }
        if (partitions == null || partitions.isEmpty() || partitions.size() == assigned.size()) {
            return;
        }
        final Set<TopicPartition> all = new HashSet<>();
        partitions.forEach(p -> all.add(new TopicPartition(p.topic(), p.partition())));
        final Set<TopicPartition> added = new HashSet<>(all);
        added.removeAll(assigned);
        consumer.assign(all);
        if (ready) {
            // Partitions created while running hold only records written since: read them all.
            consumer.seekToBeginning(added);
        } else {
            consumer.seekToEnd(added);
        }
        // position() resolves the lazy seek now, so readiness means "positioned", not "asked to be".
        added.forEach(consumer::position);
        assigned.addAll(added);
        if (paused) {
            consumer.pause(assigned);
        }
        ready = true;
        log.info("Following {} partitions of {} from their end.", assigned.size(), topic.name());
    }

    private void pause() {
        if (!paused) {
            consumer.pause(assigned);
            paused = true;
        }
    }

    /**
     * Seeks every partition to its first record stamped at or after {@code sinceMs} less
     * {@link #REWIND}, or to the end it had before that lookup if it has none, and resumes. The end is
     * read first, so a record written during the lookup is found by it or lies past that end. On a
     * failed lookup the tail stays paused and tries again on its next turn; a waiter meanwhile
     * answers pending at worst.
     */
    private void resumeFrom(final long sinceMs) {
        final Map<TopicPartition, Long> ends;
        final Map<TopicPartition, OffsetAndTimestamp> found;
        try {
            ends = consumer.endOffsets(assigned, Duration.ofSeconds(5));
            final Map<TopicPartition, Long> times = new HashMap<>();
            // Never ALWAYS here: a tail that always reads never pauses.
            final long from = Math.max(0, sinceMs - REWIND.toMillis());
            assigned.forEach(partition -> times.put(partition, from));
            found = consumer.offsetsForTimes(times, Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            log.warn("Cannot look up where to resume {} yet: {}", topic.name(), e.toString());
            return;
        }
        for (final TopicPartition partition : assigned) {
            final OffsetAndTimestamp first = found.get(partition);
            consumer.seek(partition, first != null ? first.offset() : ends.get(partition));
        }
        consumer.resume(assigned);
        paused = false;
    }

    private void handle(final ConsumerRecord<String, byte[]> record) {
        final V value;
        try {
            value = record.value() == null ? null : deserializer.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            dropped.increment();
            log.warn("Skipped an undecodable record at {}-{} offset {}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        if (value == null) {
            return;
        }
        try {
            handler.accept(value);
        } catch (RuntimeException e) {
            // A handler bug must not stop every other waiter from learning its outcome.
            log.error("Handling the record at {}-{} offset {} failed.", record.topic(), record.partition(),
                    record.offset(), e);
        }
    }

    private static void sleepQuietly(final Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
