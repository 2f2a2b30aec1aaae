package dev.wallet.ops.support;

import dev.wallet.query.postgres.EmbeddedPostgresServer;
import dev.wallet.schemas.topics.TopicProvisioner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real embedded KRaft broker with the wallet's topics and, unless not needed, a real embedded
 * PostgreSQL 17 (the read side's own server class, on a free port), for one test class. Close it in {@code @AfterAll}; a
 * failed start stops whatever already started.
 */
public final class EmbeddedWallet implements AutoCloseable {

    public static final int PARTITIONS = 2;

    private final EmbeddedKafkaKraftBroker broker;
    private final EmbeddedPostgresServer postgres;

    private EmbeddedWallet(final EmbeddedKafkaKraftBroker broker, final EmbeddedPostgresServer postgres) {
        this.broker = broker;
        this.postgres = postgres;
    }

    /** Starts the broker only, for tests that need no read side. */
    public static EmbeddedWallet kafkaOnly() throws InterruptedException {
        return start(null);
    }

    /** Starts both; PostgreSQL keeps its data under {@code dataDir} (null: no PostgreSQL). */
    public static EmbeddedWallet start(final Path dataDir) throws InterruptedException {
        final EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        // Without these a single-broker cluster hangs on InitProducerId (FACTS.md).
        broker.brokerProperties(Map.of(
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "group.initial.rebalance.delay.ms", "0"));
        EmbeddedPostgresServer postgres = null;
        try {
            broker.afterPropertiesSet();
            new TopicProvisioner(PARTITIONS, (short) 1).ensureTopics(broker.getBrokersAsString());
            if (dataDir != null) {
                postgres = new EmbeddedPostgresServer(dataDir, 0, Duration.ofSeconds(60));
                postgres.start();
            }
            return new EmbeddedWallet(broker, postgres);
        } catch (RuntimeException | InterruptedException e) {
            if (postgres != null) {
                postgres.close();
            }
            broker.destroy();
            throw e;
        }
    }

    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    public String jdbcUrl() {
        if (postgres == null) {
            throw new IllegalStateException("started without PostgreSQL");
        }
        return postgres.jdbcUrl();
    }

    @Override
    public void close() {
        try {
            if (postgres != null) {
                postgres.close();
            }
        } finally {
            broker.destroy();
        }
    }
}
