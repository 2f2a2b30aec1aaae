package dev.wallet.benchmark.sample;

import dev.wallet.schemas.topics.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * The read side's consumer-group lag: for every partition of the topics balance-query projects
 * ({@code wallet.account-events}, {@code wallet.transfer-events}), the last stable offset
 * ({@code read_committed} end) minus the group's committed offset (0 when it has none), summed.
 */
public final class ReadSideLag implements AutoCloseable {

    private static final List<String> TOPICS =
            List.of(Topics.ACCOUNT_EVENTS.name(), Topics.TRANSFER_EVENTS.name());
    private static final long TIMEOUT_MS = 2_000;

    private final Admin admin;
    private final String groupId;

    public ReadSideLag(final String bootstrapServers, final String groupId) {
        final Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "wallet-benchmark-lag");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS);
        this.admin = Admin.create(props);
        this.groupId = groupId;
    }

    /** Records not yet projected, or -1 when Kafka did not answer in time. */
    public long records() {
        try {
            final Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            final Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(TOPICS).allTopicNames().get(TIMEOUT_MS, TimeUnit.MILLISECONDS)
                    .forEach((topic, description) -> description.partitions().forEach(p ->
                            latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            final Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                    .get(TIMEOUT_MS, TimeUnit.MILLISECONDS)
                    .forEach((tp, info) -> ends.put(tp, info.offset()));
            return lag(ends, committed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (Exception e) {
            return -1;
        }
    }

    /** Σ max(0, end − committed) over the end offsets' partitions. */
    static long lag(final Map<TopicPartition, Long> ends, final Map<TopicPartition, OffsetAndMetadata> committed) {
        long total = 0;
        for (final Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            final OffsetAndMetadata at = committed.get(end.getKey());
            total += Math.max(0, end.getValue() - (at == null ? 0 : at.offset()));
        }
        return total;
    }

    @Override
    public void close() {
        admin.close();
    }
}
