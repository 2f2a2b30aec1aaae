package dev.wallet.e2e.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** A client app and an analyst's view of the wallet: the write API and the query API over HTTP. */
public final class WalletClient {

    /** Bound on one HTTP call; the write API itself waits at most a few seconds for an outcome. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String apiUrl;
    private final String queryUrl;

    public WalletClient(final String apiUrl, final String queryUrl) {
        this.apiUrl = apiUrl;
        this.queryUrl = queryUrl;
    }

    /** {@code POST /v1/wallet/accounts}. */
    public Answer openAccount(final String accountId, final String currency, final String type) {
        final ObjectNode body = JSON.createObjectNode()
                .put("account_id", accountId).put("currency", currency).put("type", type);
        return post(apiUrl + "/v1/wallet/accounts", body.toString());
    }

    /** {@code POST /v1/wallet/balance_transfer} with a fresh transaction id. */
    public Answer transfer(final String from, final String to, final String amount, final String currency) {
        return transfer(from, to, amount, currency, UUID.randomUUID().toString());
    }

    /** {@code POST /v1/wallet/balance_transfer}. */
    public Answer transfer(final String from, final String to, final String amount, final String currency,
                           final String transactionId) {
        final ObjectNode body = JSON.createObjectNode()
                .put("from_account", from).put("to_account", to).put("amount", amount)
                .put("currency", currency).put("transaction_id", transactionId);
        return post(apiUrl + "/v1/wallet/balance_transfer", body.toString());
    }

    /** {@code POST /v1/wallet/balance_transfer} with a raw body, for invalid input. */
    public Answer transferRaw(final String rawBody) {
        return post(apiUrl + "/v1/wallet/balance_transfer", rawBody);
    }

    /** {@code GET /v1/wallet/accounts/{id}} on the read side. */
    public Answer account(final String accountId) {
        return get(queryUrl + "/v1/wallet/accounts/" + accountId);
    }

    /** {@code GET /v1/wallet/transfers/{id}} on the read side. */
    public Answer transferStatus(final String transactionId) {
        return get(queryUrl + "/v1/wallet/transfers/" + transactionId);
    }

    /** Any GET on the read side, e.g. {@code /v1/wallet/accounts/x/entries?limit=5}. */
    public Answer query(final String pathAndQuery) {
        return get(queryUrl + pathAndQuery);
    }

    private Answer post(final String url, final String body) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private Answer get(final String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT).GET().build());
    }

    private Answer send(final HttpRequest request) {
        try {
            final HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            final JsonNode body = response.body().isBlank() ? MissingNode.getInstance() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), body,
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
