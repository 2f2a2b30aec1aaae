package dev.wallet.benchmark.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.wallet.benchmark.load.OutcomeTracker;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AccountSetupTest {

    private final Map<String, AtomicInteger> opensByAccount = new ConcurrentHashMap<>();
    private HttpServer api;

    @AfterEach
    void stopApi() {
        if (api != null) {
            api.stop(0);
        }
    }

    @Test
    void shouldOpenAgainOnlyTheAccountsWhoseOpenGotNoAnswer() throws Exception {
        // "u-lost" loses its first open (the connection closes without an answer), like a timeout.
        start((account, attempt) -> account.equals("u-lost") && attempt == 1 ? 0 : 202);

        try (OutcomeTracker tracker = new OutcomeTracker("127.0.0.1:1")) {
            new AccountSetup(url(), tracker, 4).openAccounts("funding", List.of("u-1", "u-lost", "u-2"), "USD");
        }

        assertThat(opensByAccount.get("u-lost")).hasValue(2);
        assertThat(opensByAccount.get("u-1")).hasValue(1);
        assertThat(opensByAccount.get("u-2")).hasValue(1);
        assertThat(opensByAccount.get("funding")).hasValue(1);
    }

    @Test
    void shouldFailWhenAnOpenIsRefused() throws Exception {
        start((account, attempt) -> account.equals("u-taken") ? 409 : 201);

        try (OutcomeTracker tracker = new OutcomeTracker("127.0.0.1:1")) {
            final AccountSetup setup = new AccountSetup(url(), tracker, 4);
            assertThatThrownBy(() -> setup.openAccounts("funding", List.of("u-1", "u-taken"), "USD"))
                    .hasMessageContaining("1 account opens were refused");
        }
        assertThat(opensByAccount.get("u-taken")).as("a refusal is not repeated").hasValue(1);
    }

    @Test
    void shouldFailWhenAnOpenNeverGetsAnAnswer() throws Exception {
        start((account, attempt) -> account.equals("u-gone") ? 0 : 202);

        try (OutcomeTracker tracker = new OutcomeTracker("127.0.0.1:1")) {
            final AccountSetup setup = new AccountSetup(url(), tracker, 4);
            assertThatThrownBy(() -> setup.openAccounts("funding", List.of("u-1", "u-gone"), "USD"))
                    .hasMessageContaining("1 account opens got no answer in " + AccountSetup.OPEN_ROUNDS + " rounds");
        }
        assertThat(opensByAccount.get("u-gone")).hasValue(AccountSetup.OPEN_ROUNDS);
    }

    /** An API whose answer to an account's n-th open is {@code status.apply(account, n)}; 0 = no answer. */
    private void start(final BiFunction<String, Integer, Integer> status) throws IOException {
        api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        api.createContext("/v1/wallet/accounts", exchange -> {
            final String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            final String account = body.replaceAll(".*\"account_id\":\"([^\"]*)\".*", "$1");
            final int attempt = opensByAccount.computeIfAbsent(account, a -> new AtomicInteger()).incrementAndGet();
            final int code = status.apply(account, attempt);
            if (code == 0) {
                exchange.close(); // no status line: the client sees the connection end without an answer
                return;
            }
            exchange.sendResponseHeaders(code, -1);
            exchange.close();
        });
        api.start();
    }

    private String url() {
        return "http://127.0.0.1:" + api.getAddress().getPort();
    }
}
