package dev.wallet.schemas.topics;

import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * One Kafka topic with everything needed to use it: name, what its key means, key and value
 * serdes, default partition count and topic configuration. Declared once in {@link Topics}; no
 * other code spells a topic name or builds a serde for it.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class Topic<K, V> {

    private final String name;
    private final String keyMeaning;
    private final Serde<K> keySerde;
    private final Serde<V> valueSerde;
    private final int partitionsDefault;
    private final Map<String, String> config;

    Topic(final String name, final String keyMeaning, final Serde<K> keySerde, final Serde<V> valueSerde,
          final int partitionsDefault, final Map<String, String> config) {
        this.name = Objects.requireNonNull(name);
        this.keyMeaning = Objects.requireNonNull(keyMeaning);
        this.keySerde = Objects.requireNonNull(keySerde);
        this.valueSerde = Objects.requireNonNull(valueSerde);
        if (partitionsDefault < 1) {
            throw new IllegalArgumentException("partitions must be positive: " + partitionsDefault);
        }
        this.partitionsDefault = partitionsDefault;
        this.config = Map.copyOf(config);
    }

    /** The topic name. */
    public String name() {
        return name;
    }

    /** What the record key is, e.g. {@code account_id}. */
    public String keyMeaning() {
        return keyMeaning;
    }

    public Serde<K> keySerde() {
        return keySerde;
    }

    public Serde<V> valueSerde() {
        return valueSerde;
    }

    /** Partitions used when the topic is created and no count is configured. */
    public int partitionsDefault() {
        return partitionsDefault;
    }

    /** Topic-level configuration (cleanup policy, retention) applied on creation. */
    public Map<String, String> config() {
        return config;
    }

    /** How a Kafka Streams topology reads this topic. */
    public Consumed<K, V> consumed() {
        return Consumed.with(keySerde, valueSerde);
    }

    /** How a Kafka Streams topology writes this topic. */
    public Produced<K, V> produced() {
        return Produced.with(keySerde, valueSerde);
    }

    @Override
    public String toString() {
        return name;
    }
}
