package dev.wallet.query.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The whole service against a real embedded KRaft broker and a real embedded PostgreSQL 17 (own
 * data directory under {@code target/}, free port). The context closes after the class, before the
 * broker stops.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(KafkaBrokerExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "wallet.postgres.port=0",
        "wallet.projection.lag-refresh-ms=100",
        "wallet.projection.retry-backoff-max-ms=500",
        "wallet.query.wait-max-ms=5000"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface IntegrationTest {
}
