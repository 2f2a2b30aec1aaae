package dev.wallet.benchmark.load;

import dev.wallet.benchmark.workload.PlannedTransfer;
import dev.wallet.schemas.money.MinorUnits;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import java.time.Duration;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * HTTP mode: {@code POST /v1/wallet/balance_transfer} through Reactor Netty's HTTP/1.1 client on
 * one event-loop thread, many requests in flight (one kept-alive connection each, since the API
 * answers after the outcome). The answer is counted by status (200, 202, ...); the outcome and its
 * latency still come from {@code wallet.transfer-events}, as in pipeline mode, so both modes
 * measure the same thing. An answer that wrote nothing (400, 409, 503, I/O error) ends the
 * transfer as a send error.
 *
 * <p>Until 25 Nov 2026 this used the JDK's {@code HttpClient}, which cost about 300 µs of CPU per
 * request on this machine: more than the API itself, on the same two cores.
 */
public final class HttpTransferSender implements TransferSender {

    private static final String PATH = "/v1/wallet/balance_transfer";

    /** Connections beyond the in-flight bound are never needed; the steps bound in-flight requests. */
    private static final int MAX_CONNECTIONS = 16_384;

    private final ConnectionProvider connections;
    private final LoopResources loops;
    private final HttpClient client;
    private final OutcomeTracker tracker;

    public HttpTransferSender(final String apiBaseUrl, final OutcomeTracker tracker, final Duration requestTimeout) {
        this.connections = ConnectionProvider.builder("benchmark-http")
                .maxConnections(MAX_CONNECTIONS)
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(requestTimeout)
                .build();
        this.loops = LoopResources.create("benchmark-http", 1, true);
        this.client = HttpClient.create(connections)
                .runOn(loops)
                .baseUrl(apiBaseUrl)
                .responseTimeout(requestTimeout)
                .headers(headers -> headers.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON));
        this.tracker = tracker;
    }

    @Override
    public String mode() {
        return "http";
    }

    /** The request body the API expects; the amount as a decimal string in the currency's scale. */
    static String body(final PlannedTransfer transfer) {
        return "{\"from_account\":\"" + transfer.fromAccount()
                + "\",\"to_account\":\"" + transfer.toAccount()
                + "\",\"amount\":\"" + MinorUnits.toDecimalString(transfer.amountMinor(), transfer.currency())
                + "\",\"currency\":\"" + transfer.currency()
                + "\",\"transaction_id\":\"" + transfer.transactionId() + "\"}";
    }

    @Override
    public void send(final PlannedTransfer transfer, final long dueNanos, final StepStats step) {
        tracker.expect(transfer.transactionId(), dueNanos, step);
        step.onSent(dueNanos);
        client.post()
                .uri(PATH)
                .send(ByteBufFlux.fromString(Mono.just(body(transfer))))
                // The body is read and released; only the status matters here.
                .responseSingle((response, content) -> content.then(Mono.just(response.status().code())))
                .subscribe(status -> answered(transfer, step, status, "http_" + status),
                        error -> answered(transfer, step, 0, "http_" + rootCause(error).getClass().getSimpleName()));
    }

    private void answered(final PlannedTransfer transfer, final StepStats step, final int status, final String kind) {
        final boolean written = status == 200 || status == 202;
        if (written) {
            step.onAnswer(kind);
        } else if (tracker.forget(transfer.transactionId())) {
            step.onSendFailed(kind);
        } else {
            step.onAnswer(kind);
        }
    }

    private static Throwable rootCause(final Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Override
    public void close() {
        connections.disposeLater().block(Duration.ofSeconds(5));
        loops.disposeLater().block(Duration.ofSeconds(5));
    }
}
