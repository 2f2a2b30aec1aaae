package dev.wallet.query.support;

import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Properties only known at run time: the broker's address and a fresh PostgreSQL data directory. */
public final class TestProperties {

    private TestProperties() {
    }

    public static void register(final DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KafkaBrokerExtension::bootstrapServers);
        registry.add("wallet.postgres.data-dir", () -> "target/pg-" + UUID.randomUUID());
        registry.add("wallet.projection.group-id", () -> "balance-query-test-" + UUID.randomUUID());
    }
}
