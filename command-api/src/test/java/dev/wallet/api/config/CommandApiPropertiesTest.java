package dev.wallet.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandApiPropertiesTest {

    @Test
    void shouldRefuseARecentTransfersCacheLargerThanItsBoundAtStartup() {
        assertThatThrownBy(() -> withRecentTransfersMax(10_000_001))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wallet.api.recent-transfers-max must be at most 10000000");
        assertThatThrownBy(() -> withRecentTransfersMax(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wallet.api.recent-transfers-max must be positive");
    }

    @Test
    void shouldRefuseAPerCurrencyMaximumThatIsNotPositiveOrNotOfACurrencyAtStartup() {
        assertThatThrownBy(() -> withMaxByCurrency(Map.of("JPY", 0L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max-amount-minor-by-currency.JPY must be positive");
        assertThatThrownBy(() -> withMaxByCurrency(Map.of("ABC", 5L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ABC is not an ISO 4217 currency code");
    }

    @Test
    void shouldKeyAPerCurrencyMaximumBoundInLowerCaseByItsIsoCode() {
        assertThat(withMaxByCurrency(Map.of("jpy", 5L)).maxAmountMinorFor("JPY")).isEqualTo(5L);
    }

    private static CommandApiProperties withMaxByCurrency(final Map<String, Long> maxByCurrency) {
        return new CommandApiProperties(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(30),
                "http://127.0.0.1:8081", 1, 4096, 100_000_000_000L, maxByCurrency, 100, 10,
                Duration.ofSeconds(60), Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(10),
                new CommandApiProperties.Kafka(1000, 2000, 3000, 5, 65536, "lz4", 10, 100, Map.of()));
    }

    private static CommandApiProperties withRecentTransfersMax(final int recentTransfersMax) {
        return new CommandApiProperties(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(30),
                "http://127.0.0.1:8081", 1, 4096, 100_000_000_000L, Map.of(), recentTransfersMax, 10,
                Duration.ofSeconds(60), Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(10),
                new CommandApiProperties.Kafka(1000, 2000, 3000, 5, 65536, "lz4", 10, 100, Map.of()));
    }
}
