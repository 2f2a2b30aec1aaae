package dev.wallet.benchmark.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a Kafka Streams service's exactly-once commit meters from its Prometheus endpoint
 * ({@code /actuator/prometheus}): how many commits its stream threads made, and the time its
 * producers spent in the three waits of a commit: the flush of the transaction's records, sending
 * the consumed offsets into the transaction, and ending the transaction. Each meter is summed over
 * every client of the service (one producer per stream thread under {@code exactly_once_v2}). Beside
 * them, the service's commit pacer's own counters: the commits it asked for, and how many of them
 * a busy thread asked for.
 */
public final class CommitMeters {

    private static final Logger log = LoggerFactory.getLogger(CommitMeters.class);

    /** Stream-thread commits. */
    public static final String COMMITS = "kafka_stream_thread_commit_total";
    /** Nanoseconds producers spent flushing (records not yet acknowledged) at commit. */
    public static final String FLUSH_NS = "kafka_producer_flush_time_ns_total";
    /** Nanoseconds producers spent adding the consumed offsets to the transaction. */
    public static final String SEND_OFFSETS_NS = "kafka_producer_txn_send_offsets_time_ns_total";
    /** Nanoseconds producers spent in commitTransaction (EndTxn). */
    public static final String END_TXN_NS = "kafka_producer_txn_commit_time_ns_total";
    /**
     * Turns of the stream threads' loops that ran at least one punctuator (the commit pacer's checks
     * among them). Kafka Streams halves the records a thread takes per task per turn after each.
     */
    public static final String PUNCTUATIONS = "kafka_stream_thread_punctuate_total";

    /** Commits the service's commit pacer asked for after fresh records (the wallet's own counter). */
    public static final String ASKS = "wallet_commit_asks_total";
    /** Of those, the asks of a stream thread that had not drained its input: busy. */
    public static final String BUSY_ASKS = "wallet_commit_asks_busy_total";

    private static final String[] METERS = {COMMITS, FLUSH_NS, SEND_OFFSETS_NS, END_TXN_NS, PUNCTUATIONS, ASKS,
        BUSY_ASKS};

    private final String name;
    private final URI prometheus;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Meters of service {@code name} whose actuator answers at {@code baseUrl}. */
    public CommitMeters(final String name, final String baseUrl) {
        this.name = name;
        this.prometheus = URI.create(baseUrl.replaceAll("/+$", "") + "/actuator/prometheus");
    }

    public String name() {
        return name;
    }

    /** The meters now; empty when the service did not answer (logged, never fatal to the run). */
    public Map<String, Double> read() {
        try {
            final HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(prometheus).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                log.warn("{} answered {} at {}; no commit timings for this step", name, response.statusCode(),
                        prometheus);
                return Map.of();
            }
            return parse(response.body());
        } catch (IOException e) {
            log.warn("{} did not answer at {} ({}); no commit timings for this step", name, prometheus, e.toString());
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    /** The commit meters in Prometheus text, each summed over its label sets. */
    static Map<String, Double> parse(final String text) {
        final Map<String, Double> sums = new TreeMap<>();
        for (final String line : text.split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            for (final String meter : METERS) {
                if (line.startsWith(meter) && (line.length() == meter.length()
                        || line.charAt(meter.length()) == '{' || line.charAt(meter.length()) == ' ')) {
                    final double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    if (!Double.isNaN(value)) {
                        sums.merge(meter, value, Double::sum);
                    }
                }
            }
        }
        return sums;
    }
}
