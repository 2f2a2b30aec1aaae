package dev.wallet.benchmark.sample;

import dev.wallet.schemas.topics.Topic;
import dev.wallet.schemas.topics.Topics;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * End offsets of every (non-internal) topic, summed per topic: the difference of two snapshots is
 * how many records (data plus transaction markers) the wallet wrote in between, including Kafka
 * Streams' changelog and repartition topics. Divided by transfers it gives the write
 * amplification the capacity model needs.
 */
public final class TopicRecords implements AutoCloseable {

    private static final long TIMEOUT_MS = 10_000;

    /** The names of the wallet's own topics, from the registry. */
    private static final Set<String> WALLET_TOPICS = Topics.all().stream().map(Topic::name)
            .collect(Collectors.toUnmodifiableSet());

    private final Admin admin;

    public TopicRecords(final String bootstrapServers) {
        final Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "wallet-benchmark-topic-records");
        this.admin = Admin.create(props);
    }

    /** End offset sums per topic now; empty when Kafka did not answer. */
    public Map<String, Long> endOffsets() {
        return answerOrEmpty(() -> {
            final Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            describeAll().forEach((topic, description) -> description.partitions().forEach(p ->
                    latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            final Map<String, Long> sums = new TreeMap<>();
            admin.listOffsets(latest).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS)
                    .forEach((tp, info) -> sums.merge(tp.topic(), info.offset(), Long::sum));
            return sums;
        });
    }

    /**
     * Partitions of each of the wallet's own topics (the registry's; Kafka Streams' changelogs follow
     * their inputs); empty when Kafka did not answer. A transaction of a stream thread that owns every
     * partition writes to each of them, so the count sets how much work every commit is.
     */
    public Map<String, Integer> walletTopicPartitions() {
        return answerOrEmpty(() -> walletTopicPartitions(describeAll()));
    }

    private Map<String, TopicDescription> describeAll() throws Exception {
        return admin.describeTopics(admin.listTopics().names().get(TIMEOUT_MS, TimeUnit.MILLISECONDS))
                .allTopicNames().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    /** What {@code question} answers, or an empty map when Kafka did not answer in time. */
    private static <K, V> Map<K, V> answerOrEmpty(final Callable<Map<K, V>> question) {
        try {
            return question.call();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        } catch (Exception e) {
            return Map.of();
        }
    }

    /** The partition counts of the registry's topics among {@code descriptions}, by name. */
    static Map<String, Integer> walletTopicPartitions(final Map<String, TopicDescription> descriptions) {
        final Map<String, Integer> counts = new TreeMap<>();
        descriptions.forEach((topic, description) -> {
            if (WALLET_TOPICS.contains(topic)) {
                counts.put(topic, description.partitions().size());
            }
        });
        return counts;
    }

    /** Records written per topic between two snapshots (topics absent before count from 0). */
    public static Map<String, Long> written(final Map<String, Long> before, final Map<String, Long> after) {
        final Map<String, Long> written = new TreeMap<>();
        after.forEach((topic, end) -> {
            final long delta = end - before.getOrDefault(topic, 0L);
            if (delta > 0) {
                written.put(topic, delta);
            }
        });
        return written;
    }

    @Override
    public void close() {
        admin.close();
    }
}
