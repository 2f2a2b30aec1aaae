package dev.wallet.api.config;

import dev.wallet.api.transfer.RecentTransfers;
import dev.wallet.schemas.money.MinorUnits;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every limit and timeout of the command API, under the prefix {@code wallet.api}. Defaults are
 * stated here, where they are defined.
 *
 * @param outcomeWait              how long a transfer request waits for its outcome after Kafka
 *                                 acknowledged it before answering 202 pending (default 2 s)
 * @param accountOpenWait          how long an account-open request waits for its ledger event
 *                                 before answering 202 pending (default 2 s)
 * @param requestExpiry            deadline of a transfer request, counted from acceptance: the saga
 *                                 fails a request it first sees later than that as EXPIRED
 *                                 (default 30 s)
 * @param statusBaseUrl            base URL of the transfer status resource served by balance-query;
 *                                 a 202 answer's Location is {@code <base>/v1/wallet/transfers/<id>}
 *                                 (default {@code http://127.0.0.1:8081})
 * @param maxWaiters               requests waiting for an outcome at once, transfers and account
 *                                 opens together; one more is answered 503 (default 10,000)
 * @param maxBodyBytes             largest request body accepted; a larger one is a 400 (default 4 KiB,
 *                                 a transfer body is about 200 bytes)
 * @param maxAmountMinor           largest transfer amount in minor units of any currency
 *                                 (default 100,000,000,000, i.e. 1,000,000,000.00 USD)
 * @param maxAmountMinorByCurrency per-currency override of {@code maxAmountMinor}, keyed by ISO code
 *                                 (default none)
 * @param recentTransfersMax       transfer states kept in memory for the SSE stream; the one first
 *                                 seen longest ago is evicted first (default 100,000, at most
 *                                 10,000,000; 167–175 bytes each, allocated at start)
 * @param eventStreamsMax          SSE streams open at once; one more is answered 503 (default 1,000)
 * @param eventStreamMaxDuration   longest life of one SSE stream; it ends then even if the transfer
 *                                 is not terminal (default 60 s)
 * @param eventStreamFirstEventWait how long an SSE request for a transfer this instance has not seen
 *                                 waits for its first event before answering 404 (default 2 s)
 * @param retryAfter               the Retry-After of a 503 answer (default 1 s)
 * @param bodyReadTimeout          how long a request's body may take to arrive in full; a body still
 *                                 incomplete then is a 400 (rule {@code body_timeout}), so a client
 *                                 that stops sending mid-body does not hold its connection and
 *                                 buffer for ever (default 10 s)
 * @param kafka                    producer and consumer tuning
 */
@ConfigurationProperties("wallet.api")
public record CommandApiProperties(
        @DefaultValue("2s") Duration outcomeWait,
        @DefaultValue("2s") Duration accountOpenWait,
        @DefaultValue("30s") Duration requestExpiry,
        @DefaultValue("http://127.0.0.1:8081") String statusBaseUrl,
        @DefaultValue("10000") int maxWaiters,
        @DefaultValue("4096") int maxBodyBytes,
        @DefaultValue("100000000000") long maxAmountMinor,
        Map<String, Long> maxAmountMinorByCurrency,
        @DefaultValue("100000") int recentTransfersMax,
        @DefaultValue("1000") int eventStreamsMax,
        @DefaultValue("60s") Duration eventStreamMaxDuration,
        @DefaultValue("2s") Duration eventStreamFirstEventWait,
        @DefaultValue("1s") Duration retryAfter,
        @DefaultValue("10s") Duration bodyReadTimeout,
        @DefaultValue Kafka kafka) {

    /** Checks the limits once at startup: a broken limit fails fast. */
    public CommandApiProperties {
        maxAmountMinorByCurrency = checkedByCurrency(maxAmountMinorByCurrency);
        requirePositive("max-waiters", maxWaiters);
        requirePositive("max-body-bytes", maxBodyBytes);
        requirePositive("max-amount-minor", maxAmountMinor);
        requirePositive("recent-transfers-max", recentTransfersMax);
        if (recentTransfersMax > RecentTransfers.CAPACITY_MAX) {
            throw new IllegalArgumentException("wallet.api.recent-transfers-max must be at most "
                    + RecentTransfers.CAPACITY_MAX + ", was " + recentTransfersMax);
        }
        requirePositive("event-streams-max", eventStreamsMax);
    }

    /** The largest amount in minor units a transfer in {@code currencyCode} may move. */
    public long maxAmountMinorFor(final String currencyCode) {
        return maxAmountMinorByCurrency.getOrDefault(currencyCode, maxAmountMinor);
    }

    /**
     * The per-currency maxima keyed by upper-case ISO code (an environment variable binds its key in
     * lower case); an unknown code or a maximum that is not positive fails at startup, rather than
     * being ignored or refusing every transfer in that currency.
     */
    private static Map<String, Long> checkedByCurrency(final Map<String, Long> byCurrency) {
        if (byCurrency == null) {
            return Map.of();
        }
        final Map<String, Long> checked = new HashMap<>();
        byCurrency.forEach((code, max) -> {
            final String upper = code.toUpperCase(Locale.ROOT);
            if (MinorUnits.currencyOrNull(upper) == null) {
                throw new IllegalArgumentException("wallet.api.max-amount-minor-by-currency: " + code
                        + " is not an ISO 4217 currency code");
            }
            requirePositive("max-amount-minor-by-currency." + upper, max == null ? 0 : max);
            checked.put(upper, max);
        });
        return Map.copyOf(checked);
    }

    private static void requirePositive(final String name, final long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("wallet.api." + name + " must be positive, was " + value);
        }
    }

    /**
     * Kafka client tuning under {@code wallet.api.kafka}. The bootstrap servers come from
     * {@code spring.kafka.bootstrap-servers} (default {@code 127.0.0.1:9092}).
     *
     * @param maxBlockMs        longest a send may wait for metadata or buffer space; with Kafka
     *                          unreachable this bounds the time to a 503 (default 1,000 ms)
     * @param requestTimeoutMs  broker request timeout of the producer (default 2,000 ms)
     * @param deliveryTimeoutMs longest a record may take from send to acknowledgement, retries
     *                          included; must be at least linger + request timeout (default 3,000 ms)
     * @param lingerMs          how long the producer waits to fill a batch; larger batches mean
     *                          fewer broker requests per transfer (default 5 ms)
     * @param batchSizeBytes    producer batch size per partition (default 65,536)
     * @param compressionType   producer compression (default lz4: cheap, and batches of similar
     *                          records compress well)
     * @param sendQueueMax      sends queued for the single sending thread; a full queue is a 503
     *                          (default 10,000)
     * @param pollTimeoutMs     poll timeout of the event listeners (default 100 ms)
     * @param producer          any other producer setting, passed through as is (default none)
     */
    public record Kafka(
            @DefaultValue("1000") int maxBlockMs,
            @DefaultValue("2000") int requestTimeoutMs,
            @DefaultValue("3000") int deliveryTimeoutMs,
            @DefaultValue("5") int lingerMs,
            @DefaultValue("65536") int batchSizeBytes,
            @DefaultValue("lz4") String compressionType,
            @DefaultValue("10000") int sendQueueMax,
            @DefaultValue("100") int pollTimeoutMs,
            Map<String, String> producer) {

        /** Normalises the pass-through map. */
        public Kafka {
            producer = producer == null ? Map.of() : Map.copyOf(producer);
        }
    }
}
