package dev.wallet.query.projection;

import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The projector's consumer settings on top of the team's read_committed defaults. */
final class ProjectionConsumerConfig {

    private ProjectionConsumerConfig() {
    }

    static Properties of(final Properties readCommitted, final ProjectionProperties properties) {
        final Properties config = new Properties();
        config.putAll(readCommitted);
        // Values are decoded by the projector itself so that a poison record is skipped, not fatal.
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.batchMaxRecords());
        config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, properties.fetchMinBytes());
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, properties.fetchMaxWaitMs());
        return config;
    }
}
