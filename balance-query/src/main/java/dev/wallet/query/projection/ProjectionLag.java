package dev.wallet.query.projection;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many records of each topic this instance's projector has not yet made durable in
 * PostgreSQL (end offset minus projected position, over the partitions its workers own), summed
 * over the workers. Unknown until first measured.
 */
public final class ProjectionLag {

    private final Map<String, Map<Integer, Long>> recordsByTopicAndWorker = new ConcurrentHashMap<>();

    void set(final int worker, final String topic, final long records) {
        recordsByTopicAndWorker.computeIfAbsent(topic, t -> new ConcurrentHashMap<>()).put(worker, records);
    }

    /** The lag of {@code topic} in records, empty before the first measurement. */
    public OptionalLong records(final String topic) {
        final Map<Integer, Long> byWorker = recordsByTopicAndWorker.get(topic);
        return byWorker == null || byWorker.isEmpty()
                ? OptionalLong.empty()
                : OptionalLong.of(byWorker.values().stream().mapToLong(Long::longValue).sum());
    }

    /** The lag as a gauge value: -1 while unknown. */
    double gaugeValue(final String topic) {
        return records(topic).orElse(-1);
    }
}
