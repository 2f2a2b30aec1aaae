package dev.wallet.api.support;

import dev.wallet.schemas.topics.Topic;
import dev.wallet.schemas.topics.TopicProvisioner;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A one-node embedded KRaft broker with the wallet's topics, for API tests. */
public final class EmbeddedBroker implements AutoCloseable {

    /** Partitions of every topic in tests: more than one, so keys spread. */
    public static final int PARTITIONS = 3;

    private final EmbeddedKafkaKraftBroker broker;
    private final Admin admin;

    private EmbeddedBroker(final EmbeddedKafkaKraftBroker broker, final Admin admin) {
        this.broker = broker;
        this.admin = admin;
    }

    /** Starts the broker and creates the topics. */
    public static EmbeddedBroker start() {
        final EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        broker.brokerProperties(Map.of(
                        "transaction.state.log.replication.factor", "1",
                        "transaction.state.log.min.isr", "1",
                        "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        Admin admin = null;
        try {
            final Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
            admin = Admin.create(props);
            provision(admin);
            return new EmbeddedBroker(broker, admin);
        } catch (RuntimeException e) {
            if (admin != null) {
                admin.close();
            }
            broker.destroy();
            throw e;
        }
    }

    /** Creates the topics; a fresh broker may not serve a just-created topic yet, so it retries (bounded). */
    private static void provision(final Admin admin) {
        Awaitility.await("topics provisioned").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsInstanceOf(IllegalStateException.class)
                .until(() -> {
                    new TopicProvisioner(PARTITIONS, (short) 1).ensureTopics(admin);
                    return true;
                });
    }

    /** The bootstrap servers. */
    public String bootstrap() {
        return broker.getBrokersAsString();
    }

    /** The sum of the end offsets of every partition of {@code topic}: grows with every record written. */
    public long endOffsetSum(final Topic<?, ?> topic) {
        try {
            final Map<TopicPartition, OffsetSpec> request = java.util.stream.IntStream.range(0, PARTITIONS)
                    .boxed()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic.name(), p), p -> OffsetSpec.latest()));
            return admin.listOffsets(request).all().get(30, java.util.concurrent.TimeUnit.SECONDS).values().stream()
                    .mapToLong(info -> info.offset())
                    .sum();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic.name(), e);
        }
    }

    /** The end offset sums of several topics, in order. */
    public List<Long> endOffsetSums(final List<Topic<?, ?>> topics) {
        return topics.stream().map(this::endOffsetSum).toList();
    }

    @Override
    public void close() {
        try {
            admin.close();
        } finally {
            broker.destroy();
        }
    }
}
