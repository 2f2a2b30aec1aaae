package dev.wallet.query.support;

import dev.wallet.schemas.topics.TopicProvisioner;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Starts an embedded KRaft broker with the wallet's topics (2 partitions) before a test class and
 * stops it after the class (after {@code @DirtiesContext} has closed the application, so the
 * projector never outlives its broker). Register it before {@code @SpringBootTest}.
 */
public final class KafkaBrokerExtension implements BeforeAllCallback, AfterAllCallback {

    public static final int PARTITIONS = 2;
    private static volatile EmbeddedKafkaKraftBroker broker;

    /** Bootstrap servers of the running broker. */
    public static String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    public void beforeAll(final ExtensionContext context) throws Exception {
        final EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        // Without these a single-broker cluster hangs on InitProducerId (FACTS.md).
        started.brokerProperties(Map.of(
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "group.initial.rebalance.delay.ms", "0"));
        started.afterPropertiesSet();
        broker = started;
        try {
            provisionTopics();
        } catch (RuntimeException | InterruptedException e) {
            afterAll(context);
            throw e;
        }
    }

    /**
     * Provisioning is idempotent; right after creation the broker may not describe a new topic yet
     * ("does not host this topic-partition"), so it is tried a bounded number of times.
     */
    private static void provisionTopics() throws InterruptedException {
        final int attemptsMax = 10;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            for (int attempt = 1; ; attempt++) {
                try {
                    new TopicProvisioner(PARTITIONS, (short) 1).ensureTopics(admin);
                    return;
                } catch (IllegalStateException e) {
                    if (attempt == attemptsMax) {
                        throw e;
                    }
                    Thread.sleep(200);
                }
            }
        }
    }

    @Override
    public void afterAll(final ExtensionContext context) {
        if (broker != null) {
            broker.destroy();
            broker = null;
        }
    }
}
