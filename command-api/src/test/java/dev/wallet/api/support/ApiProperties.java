package dev.wallet.api.support;

import dev.wallet.api.config.CommandApiProperties;
import java.time.Duration;
import java.util.Map;

/** Settings for tests that build the API's parts by hand, without Spring. */
public final class ApiProperties {

    private ApiProperties() {
    }

    /** The service's defaults where they matter to such tests: a 2 s outcome wait, a 4,096-byte body limit. */
    public static CommandApiProperties forTests() {
        return new CommandApiProperties(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(30),
                "http://127.0.0.1:8081", 10_000, 4096, 100_000_000_000L, Map.of(), 100_000, 1000,
                Duration.ofSeconds(60), Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(10),
                new CommandApiProperties.Kafka(1000, 2000, 3000, 5, 65536, "lz4", 10_000, 100, Map.of()));
    }
}
