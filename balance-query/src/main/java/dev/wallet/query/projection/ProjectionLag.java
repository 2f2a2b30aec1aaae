package dev.wallet.query.projection;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many records of each topic this instance's projector has not yet made durable in
 * PostgreSQL (end offset minus projected position, over the partitions it owns). Unknown until
 * first measured.
 */
public final class ProjectionLag {

    private final Map<String, Long> recordsByTopic = new ConcurrentHashMap<>();

    void set(final String topic, final long records) {
        recordsByTopic.put(topic, records);
    }

    /** The lag of {@code topic} in records, empty before the first measurement. */
    public OptionalLong records(final String topic) {
        final Long records = recordsByTopic.get(topic);
        return records == null ? OptionalLong.empty() : OptionalLong.of(records);
    }

    /** The lag as a gauge value: -1 while unknown. */
    double gaugeValue(final String topic) {
        return records(topic).orElse(-1);
    }
}
