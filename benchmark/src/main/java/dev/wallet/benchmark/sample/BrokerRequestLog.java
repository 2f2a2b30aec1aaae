package dev.wallet.benchmark.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the lines a Kafka broker's {@code kafka.request.logger} writes at DEBUG, one per completed
 * request ({@code Completed request:{...json...} (kafka.request.logger)}), and sums them by client
 * and request type, with the broker's own split of each request's time.
 *
 * <p>A client id that holds a UUID (every Kafka Streams thread's clients do, one per start) is
 * shown with {@code *} in its place, so one app's clients sum up across restarts.
 */
public final class BrokerRequestLog {

    private static final String MARKER = "Completed request:";
    private static final String LOGGER_SUFFIX = " (kafka.request.logger)";
    private static final Pattern UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every client of a type together, in {@link #byType}. */
    public static final String ALL_CLIENTS = "(all clients)";

    private BrokerRequestLog() {
    }

    /**
     * One completed request, its times in milliseconds as the broker measured them: in its request
     * queue, in its handler, waiting on others (a fetch for data, a produce for its replicas, a
     * coordinator for its log), in its response queue and being sent.
     */
    public record Request(String client, String type, double totalMs, double requestQueueMs, double localMs,
                          double remoteMs, double responseQueueMs, double sendMs) {
    }

    /** The requests of one client and type over a window: how many, and their mean and largest times. */
    public record Row(String client, String type, long count, double meanTotalMs, double meanRequestQueueMs,
                      double meanLocalMs, double meanRemoteMs, double meanResponseQueueMs, double meanSendMs,
                      double maxTotalMs) {

        /** Requests per second over a window of the given length. */
        public double perSecond(final double windowSeconds) {
            return count / windowSeconds;
        }
    }

    /**
     * The request a log line records, or empty for any other line.
     *
     * @throws IllegalArgumentException for a request line whose JSON cannot be read
     */
    public static Optional<Request> parse(final String line) {
        final int start = line.indexOf(MARKER);
        final int end = line.lastIndexOf(LOGGER_SUFFIX);
        if (start < 0 || end < start) {
            return Optional.empty();
        }
        final JsonNode json;
        try {
            json = JSON.readTree(line.substring(start + MARKER.length(), end));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a request log entry: " + e.getOriginalMessage(), e);
        }
        final JsonNode header = json.path("requestHeader");
        if (!header.hasNonNull("requestApiKeyName")) {
            throw new IllegalArgumentException("a request log entry without requestHeader.requestApiKeyName");
        }
        return Optional.of(new Request(clientPattern(header.path("clientId").asText("")),
                header.get("requestApiKeyName").asText(),
                json.path("totalTimeMs").asDouble(), json.path("requestQueueTimeMs").asDouble(),
                json.path("localTimeMs").asDouble(), json.path("remoteTimeMs").asDouble(),
                json.path("responseQueueTimeMs").asDouble(), json.path("sendTimeMs").asDouble()));
    }

    /** The client id with each UUID in it replaced by {@code *}. */
    static String clientPattern(final String clientId) {
        return UUID.matcher(clientId).replaceAll("*");
    }

    /** One row per client and type, most requests first (ties by client, then type). */
    public static List<Row> byClient(final List<Request> requests) {
        return rows(requests, false);
    }

    /** One row per type over every client ({@link #ALL_CLIENTS}), most requests first. */
    public static List<Row> byType(final List<Request> requests) {
        return rows(requests, true);
    }

    private static List<Row> rows(final List<Request> requests, final boolean allClients) {
        final Map<List<String>, Sum> sums = new LinkedHashMap<>();
        for (final Request request : requests) {
            final String client = allClients ? ALL_CLIENTS : request.client();
            sums.computeIfAbsent(List.of(client, request.type()), key -> new Sum()).add(request);
        }
        final List<Row> rows = new ArrayList<>();
        sums.forEach((key, sum) -> rows.add(sum.row(key.get(0), key.get(1))));
        rows.sort(Comparator.comparingLong(Row::count).reversed()
                .thenComparing(Row::client).thenComparing(Row::type));
        return rows;
    }

    /** The running sums of one row. */
    private static final class Sum {
        private long count;
        private double totalMs;
        private double requestQueueMs;
        private double localMs;
        private double remoteMs;
        private double responseQueueMs;
        private double sendMs;
        private double maxTotalMs;

        void add(final Request request) {
            count++;
            totalMs += request.totalMs();
            requestQueueMs += request.requestQueueMs();
            localMs += request.localMs();
            remoteMs += request.remoteMs();
            responseQueueMs += request.responseQueueMs();
            sendMs += request.sendMs();
            maxTotalMs = Math.max(maxTotalMs, request.totalMs());
        }

        Row row(final String client, final String type) {
            return new Row(client, type, count, totalMs / count, requestQueueMs / count, localMs / count,
                    remoteMs / count, responseQueueMs / count, sendMs / count, maxTotalMs);
        }
    }
}
