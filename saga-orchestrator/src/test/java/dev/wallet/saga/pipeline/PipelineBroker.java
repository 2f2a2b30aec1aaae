package dev.wallet.saga.pipeline;

import static org.awaitility.Awaitility.await;

import dev.wallet.schemas.topics.TopicProvisioner;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The embedded KRaft broker the pipeline tests run both apps on, and their quiet closing. */
final class PipelineBroker {

    private PipelineBroker() {
    }

    /**
     * Starts a one-node broker set up for exactly-once and creates every wallet topic with
     * {@code partitions} partitions; a broker whose topics cannot be created is stopped again.
     */
    static EmbeddedKafkaKraftBroker start(final int partitions) throws InterruptedException {
        final EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions);
        broker.brokerProperties(Map.of(
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1",
                "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        try {
            provisionTopics(broker.getBrokersAsString(), partitions);
        } catch (RuntimeException e) {
            broker.destroy();
            throw e;
        }
        return broker;
    }

    /**
     * Right after creating topics on a fresh broker the provisioner's partition check may not see
     * them yet; a second pass (creation is idempotent) finds them.
     */
    private static void provisionTopics(final String bootstrap, final int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            await("topics provisioned").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> new TopicProvisioner(partitions, (short) 1).ensureTopics(admin) != null);
        }
    }

    /** Closes {@code closeable} if there is one, reporting a failure instead of throwing it. */
    static void closeQuietly(final AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("Closing " + closeable + " failed: " + e);
        }
    }
}
