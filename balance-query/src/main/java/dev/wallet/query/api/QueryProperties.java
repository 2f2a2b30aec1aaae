package dev.wallet.query.api;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the query API ({@code wallet.query.*}).
 *
 * @param waitMaxMs          longest wait a caller may ask for with {@code wait_ms}; default 10000
 * @param waitDefaultMs      wait when {@code min_sequence} is given without {@code wait_ms}; default 1000
 * @param waitPollIntervalMs how often a waiting request looks at the account again; default 50
 * @param entriesLimitDefault entries per page when {@code limit} is absent; default 100
 * @param entriesLimitMax    largest {@code limit} accepted; default 1000
 * @param timeoutMs          longest an answer's own queries may take, on top of any {@code wait_ms},
 *                           before the answer is a 503; default 5000
 */
@ConfigurationProperties("wallet.query")
public record QueryProperties(
        @DefaultValue("10000") long waitMaxMs,
        @DefaultValue("1000") long waitDefaultMs,
        @DefaultValue("50") long waitPollIntervalMs,
        @DefaultValue("100") int entriesLimitDefault,
        @DefaultValue("1000") int entriesLimitMax,
        @DefaultValue("5000") long timeoutMs) {

    /** When an answer is due at the latest: the caller's wait, if any, plus {@code timeout-ms}. */
    public Duration deadline(final SequenceWait.Request wait) {
        return (wait.minSequence() == null ? Duration.ZERO : wait.waitFor()).plusMillis(timeoutMs);
    }

    /** When an answer that waits for nothing is due at the latest. */
    public Duration deadline() {
        return Duration.ofMillis(timeoutMs);
    }
}
