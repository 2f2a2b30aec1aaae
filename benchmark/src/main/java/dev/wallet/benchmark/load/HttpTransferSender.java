package dev.wallet.benchmark.load;

import dev.wallet.benchmark.workload.PlannedTransfer;
import dev.wallet.schemas.money.MinorUnits;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * HTTP mode: {@code POST /v1/wallet/balance_transfer} through the JDK's asynchronous HTTP client,
 * many requests in flight. The answer is counted by status (200, 202, ...); the outcome and its
 * latency still come from {@code wallet.transfer-events}, as in pipeline mode, so both modes
 * measure the same thing. An answer that wrote nothing (400, 409, 503, I/O error) ends the
 * transfer as a send error.
 */
public final class HttpTransferSender implements TransferSender {

    private final HttpClient client;
    private final ExecutorService executor;
    private final URI transferUri;
    private final OutcomeTracker tracker;
    private final Duration requestTimeout;

    public HttpTransferSender(final String apiBaseUrl, final OutcomeTracker tracker, final Duration requestTimeout) {
        this.executor = Executors.newFixedThreadPool(2, r -> {
            final Thread thread = new Thread(r, "benchmark-http");
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(executor)
                .build();
        this.transferUri = URI.create(apiBaseUrl + "/v1/wallet/balance_transfer");
        this.tracker = tracker;
        this.requestTimeout = requestTimeout;
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
        final HttpRequest request = HttpRequest.newBuilder(transferUri)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(transfer)))
                .build();
        tracker.expect(transfer.transactionId(), dueNanos, step);
        step.onSent(dueNanos);
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            final int status = response == null ? 0 : response.statusCode();
            final boolean written = status == 200 || status == 202;
            final String kind = error != null ? "http_" + rootCause(error).getClass().getSimpleName() : "http_" + status;
            if (written) {
                step.onAnswer(kind);
            } else if (tracker.forget(transfer.transactionId())) {
                step.onSendFailed(kind);
            } else {
                step.onAnswer(kind);
            }
        });
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
        executor.shutdownNow();
    }
}
