package dev.wallet.api.perf;

import dev.wallet.account.topology.AccountProcessorTopology;
import dev.wallet.api.support.EmbeddedBroker;
import dev.wallet.api.support.RunningApi;
import dev.wallet.api.support.WritePath;
import dev.wallet.saga.topology.TransferSagaTopology;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * A manual probe, not a test: the whole write path (API, saga, account processor, broker) in one
 * JVM on this machine, driven over HTTP with many requests in flight. Prints transfers per second
 * by answer. Run with
 * {@code java -cp <test classpath> dev.wallet.api.perf.ThroughputProbe [transfers] [in-flight] [api-only]}.
 * With {@code api-only} no write path runs and the outcome wait is 1 ms: every answer is a 202
 * after Kafka's acknowledgement, which measures the API's own path (parse, validate, produce).
 */
public final class ThroughputProbe {

    private ThroughputProbe() {
    }

    /** Runs the probe. */
    public static void main(final String[] args) throws Exception {
        final int transfers = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        final int inFlight = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        final boolean apiOnly = args.length > 2 && "api-only".equals(args[2]);
        final int fundingAccounts = 32;
        try (EmbeddedBroker broker = EmbeddedBroker.start();
             WritePath writePath = WritePath.start(broker.bootstrap(), apiOnly ? Map.of() : Map.of(
                     "probe-account-processor", AccountProcessorTopology::build,
                     "probe-transfer-saga", TransferSagaTopology::build));
             RunningApi api = RunningApi.startReady(broker.bootstrap(), Map.of(
                     "wallet.api.outcome-wait", apiOnly ? "1ms" : "30s",
                     "wallet.api.account-open-wait", apiOnly ? "1ms" : "30s",
                     "wallet.api.max-waiters", "50000",
                     "logging.level.root", "WARN"))) {
            final HttpClient client = HttpClient.create(ConnectionProvider.builder("probe")
                    .maxConnections(inFlight).pendingAcquireMaxCount(-1).build()).baseUrl(api.baseUrl());
            Flux.range(0, fundingAccounts)
                    .flatMap(i -> post(client, "/v1/wallet/accounts", "{\"account_id\":\"fund-" + i
                            + "\",\"currency\":\"USD\",\"type\":\"system\"}"))
                    .then().block(Duration.ofMinutes(1));
            Flux.range(0, fundingAccounts)
                    .flatMap(i -> post(client, "/v1/wallet/accounts", "{\"account_id\":\"user-" + i
                            + "\",\"currency\":\"USD\",\"type\":\"user\"}"))
                    .then().block(Duration.ofMinutes(1));
            run(client, 2_000, inFlight, fundingAccounts);
            final long started = System.nanoTime();
            final Map<Integer, LongAdder> byStatus = run(client, transfers, inFlight, fundingAccounts);
            final double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("PROBE %d transfers, %d in flight, %.1f s, %.0f transfers/s, answers %s%n",
                    transfers, inFlight, seconds, transfers / seconds, byStatus);
        }
    }

    private static Map<Integer, LongAdder> run(final HttpClient client, final int transfers, final int inFlight,
                                               final int accounts) {
        final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
        Flux.range(0, transfers)
                .flatMap(i -> post(client, "/v1/wallet/balance_transfer", "{\"from_account\":\"fund-" + (i % accounts)
                        + "\",\"to_account\":\"user-" + ((i / accounts) % accounts) + "\",\"amount\":\"1.00\","
                        + "\"currency\":\"USD\",\"transaction_id\":\"" + UUID.randomUUID() + "\"}"), inFlight)
                .doOnNext(status -> byStatus.computeIfAbsent(status, s -> new LongAdder()).increment())
                .then().block(Duration.ofMinutes(10));
        return byStatus;
    }

    private static Mono<Integer> post(final HttpClient client, final String path, final String body) {
        return client.headers(h -> h.set("Content-Type", "application/json"))
                .post().uri(path)
                .send(Mono.just(io.netty.buffer.Unpooled.wrappedBuffer(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .responseSingle((response, content) -> content.then(Mono.just(response.status().code())));
    }
}
