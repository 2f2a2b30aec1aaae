package dev.wallet.api.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The API's own metrics: {@code wallet.api.requests} counts requests by endpoint and outcome
 * (success, failed, conflict, pending, created, exists, invalid, unavailable, overloaded),
 * {@code wallet.api.outcome.wait} times how long written requests waited for their outcome, by
 * endpoint and outcome, with percentile histograms for Prometheus, and
 * {@code wallet.api.request.duration} times whole transfer requests (handler start to answer), which
 * Spring's {@code http.server.requests} observation does not cover for that endpoint (see
 * {@code HotPathObservation}).
 *
 * <p>Meters are registered once per tag combination and kept: looking one up in the registry on
 * every request (building its id, tags and histogram configuration) cost a measurable share of a
 * request's CPU.
 */
@Component
public final class ApiMetrics {

    private final MeterRegistry registry;
    private final Map<String, Map<String, Counter>> requests = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Timer>> outcomeWaits = new ConcurrentHashMap<>();
    private final Map<String, Timer> requestDurations = new ConcurrentHashMap<>();

    /** Metrics registered in {@code registry}. */
    public ApiMetrics(final MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts one answered request. */
    public void answered(final String endpoint, final String outcome) {
        requests.computeIfAbsent(endpoint, e -> new ConcurrentHashMap<>())
                .computeIfAbsent(outcome, o -> registry.counter("wallet.api.requests", "endpoint", endpoint,
                        "outcome", outcome))
                .increment();
    }

    /** Counts one answered request that waited {@code waited} for its outcome after being written. */
    public void answeredAfterWait(final String endpoint, final String outcome, final Duration waited) {
        answered(endpoint, outcome);
        outcomeWaits.computeIfAbsent(endpoint, e -> new ConcurrentHashMap<>())
                .computeIfAbsent(outcome, o -> Timer.builder("wallet.api.outcome.wait")
                        .description("Time from Kafka's acknowledgement of a command to its outcome "
                                + "(or to the pending answer)")
                        .tags("endpoint", endpoint, "outcome", outcome)
                        .publishPercentileHistogram()
                        .register(registry))
                .record(waited);
    }

    /** Times one whole request of {@code endpoint}, from its start ({@link System#nanoTime()}) to now. */
    public void requestTook(final String endpoint, final long startNanos) {
        requestDurations.computeIfAbsent(endpoint, e -> Timer.builder("wallet.api.request.duration")
                        .description("Time from the handler taking a request (before its body is read) "
                                + "to its answer being ready")
                        .tag("endpoint", endpoint)
                        .register(registry))
                .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }
}
