package dev.wallet.api.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The API's own metrics: {@code wallet.api.requests} counts requests by endpoint and outcome
 * (success, failed, conflict, pending, created, exists, invalid, unavailable, overloaded), and
 * {@code wallet.api.outcome.wait} times how long written requests waited for their outcome, by
 * endpoint and outcome, with percentile histograms for Prometheus.
 */
@Component
public final class ApiMetrics {

    private final MeterRegistry registry;

    /** Metrics registered in {@code registry}. */
    public ApiMetrics(final MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts one answered request. */
    public void answered(final String endpoint, final String outcome) {
        registry.counter("wallet.api.requests", "endpoint", endpoint, "outcome", outcome).increment();
    }

    /** Counts one answered request that waited {@code waited} for its outcome after being written. */
    public void answeredAfterWait(final String endpoint, final String outcome, final Duration waited) {
        answered(endpoint, outcome);
        Timer.builder("wallet.api.outcome.wait")
                .description("Time from Kafka's acknowledgement of a command to its outcome (or to the pending answer)")
                .tags("endpoint", endpoint, "outcome", outcome)
                .publishPercentileHistogram()
                .register(registry)
                .record(waited);
    }
}
