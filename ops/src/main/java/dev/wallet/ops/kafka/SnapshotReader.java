package dev.wallet.ops.kafka;

import dev.wallet.ops.progress.ReplayProgress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads one or more {@link TopicSnapshot}s from given start offsets up to their captured ends,
 * handing every poll's records to a handler, with progress. Partitions are assigned by hand: the
 * reader joins no group and commits nothing, so it never disturbs the services.
 */
public final class SnapshotReader {

    /**
     * Longest single poll; the read ends when every partition reached its captured end. Short,
     * because the last poll of a partition often only steps over a transaction marker.
     */
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);

    /**
     * Bound on consecutive empty polls while partitions are still short of their ends (the broker
     * unreachable, or records deleted under the reader): beyond it the read fails instead of hanging.
     */
    static final int EMPTY_POLLS_MAX = 300;

    private final String bootstrapServers;

    public SnapshotReader(final String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Reads every snapshot from {@code from} (0 where absent) to its ends. Records come in poll
     * order: per partition in offset order, partitions interleaved.
     *
     * @return per partition that had records, the offset after its last record: what a projection
     *         of the snapshot records as its next offset (an end offset may lie further, past a
     *         transaction marker)
     */
    public Map<TopicPartition, Long> read(final List<TopicSnapshot> snapshots, final Map<TopicPartition, Long> from,
                                          final ReplayProgress progress,
                                          final Consumer<ConsumerRecords<byte[], byte[]>> handler) {
        final Map<TopicPartition, Long> ends = new HashMap<>();
        snapshots.forEach(snapshot -> ends.putAll(snapshot.ends()));
        final List<TopicPartition> pending = new ArrayList<>();
        ends.forEach((partition, end) -> {
            if (from.getOrDefault(partition, 0L) < end) {
                pending.add(partition);
            }
        });
        final Map<TopicPartition, Long> recordEnds = new HashMap<>();
        if (pending.isEmpty()) {
            return recordEnds;
        }
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(TopicSnapshot.readCommitted(bootstrapServers))) {
            consumer.assign(pending);
            pending.forEach(partition -> consumer.seek(partition, from.getOrDefault(partition, 0L)));
            int emptyPolls = 0;
            while (!pending.isEmpty()) {
                final ConsumerRecords<byte[], byte[]> polled = consumer.poll(POLL_TIMEOUT);
                final ConsumerRecords<byte[], byte[]> records = within(polled, ends);
                if (records.isEmpty()) {
                    emptyPolls++;
                } else {
                    emptyPolls = 0;
                    for (final TopicPartition partition : records.partitions()) {
                        final List<ConsumerRecord<byte[], byte[]>> inPartition = records.records(partition);
                        recordEnds.put(partition, inPartition.get(inPartition.size() - 1).offset() + 1);
                    }
                    handler.accept(records);
                    progress.advance(records.count());
                }
                pending.removeIf(partition -> consumer.position(partition) >= ends.get(partition));
                consumer.pause(consumer.assignment().stream().filter(p -> !pending.contains(p)).toList());
                if (emptyPolls > EMPTY_POLLS_MAX) {
                    throw new IllegalStateException("No records arrived for " + EMPTY_POLLS_MAX + " polls of "
                            + POLL_TIMEOUT.toMillis() + " ms while "
                            + pending + " had not reached their captured end offsets; is the broker reachable?");
                }
            }
        }
        return recordEnds;
    }

    /** The polled records below their partition's captured end (later ones belong to no snapshot). */
    private static ConsumerRecords<byte[], byte[]> within(final ConsumerRecords<byte[], byte[]> polled,
                                                         final Map<TopicPartition, Long> ends) {
        final Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> kept = new HashMap<>();
        boolean trimmed = false;
        for (final TopicPartition partition : polled.partitions()) {
            final long end = ends.get(partition);
            final List<ConsumerRecord<byte[], byte[]>> records = polled.records(partition);
            final List<ConsumerRecord<byte[], byte[]>> below = records.stream()
                    .filter(record -> record.offset() < end).toList();
            trimmed |= below.size() != records.size();
            if (!below.isEmpty()) {
                kept.put(partition, below);
            }
        }
        return trimmed ? new ConsumerRecords<>(kept, Map.of()) : polled;
    }
}
