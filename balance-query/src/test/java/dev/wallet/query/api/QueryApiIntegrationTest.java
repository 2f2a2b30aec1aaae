package dev.wallet.query.api;

import static dev.wallet.query.support.Events.at;
import static dev.wallet.query.support.Events.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wallet.query.postgres.EmbeddedPostgresServer;
import dev.wallet.query.support.EventLog;
import dev.wallet.query.support.Events;
import dev.wallet.query.support.IntegrationTest;
import dev.wallet.query.support.KafkaBrokerExtension;
import dev.wallet.query.support.ReadModelProbe;
import dev.wallet.query.support.TestProperties;
import dev.wallet.schemas.avro.TransferFailureReason;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The query API over HTTP, on data the projector wrote from real events. */
@IntegrationTest
class QueryApiIntegrationTest {

    private static EventLog log;

    @LocalServerPort
    private int port;
    @Autowired
    private DatabaseClient db;
    @Autowired
    private EmbeddedPostgresServer postgres;

    private WebTestClient http;
    private ReadModelProbe probe;

    @DynamicPropertySource
    static void properties(final DynamicPropertyRegistry registry) {
        TestProperties.register(registry);
    }

    @BeforeAll
    static void openLog() {
        log = new EventLog(KafkaBrokerExtension.bootstrapServers());
    }

    @AfterAll
    static void closeLog() {
        log.close();
    }

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(15)).build();
        probe = new ReadModelProbe(db);
    }

    @Test
    void shouldAnswerTheAccountWithItsBalanceAndHowFarTheReadSideIs() {
        final String account = newId("alice");
        log.accounts(Events.opened(account, at(0)), Events.credited(account, 2, 12_50, 12_50, newId("tx"), at(1)));
        probe.awaitProjected(log);

        http.get().uri("/v1/wallet/accounts/{id}", account).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.account_id").isEqualTo(account)
                .jsonPath("$.currency").isEqualTo("USD")
                .jsonPath("$.type").isEqualTo("user")
                .jsonPath("$.balance").isEqualTo("12.50")
                .jsonPath("$.sequence").isEqualTo(2)
                .jsonPath("$.updated_at").isEqualTo(at(1).toString())
                .jsonPath("$.read_side.account_sequence").isEqualTo(2)
                .jsonPath("$.read_side.projected_through").isNotEmpty()
                .jsonPath("$.read_side.lag_records").isNumber();
    }

    @Test
    void shouldAnswerNotFoundProblemForAnUnknownAccount() {
        http.get().uri("/v1/wallet/accounts/{id}", newId("nobody")).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404);
    }

    @Test
    void shouldAnswerTheBalanceAtSeveralInstants() {
        final String account = newId("auditee");
        log.accounts(Events.opened(account, at(10)),
                Events.credited(account, 2, 100_00, 100_00, newId("tx"), at(20)),
                Events.debited(account, 3, 75_00, 25_00, newId("tx"), at(30)));
        probe.awaitProjected(log);

        assertBalanceAt(account, at(5), "0.00", 0);
        assertBalanceAt(account, at(10), "0.00", 1);
        assertBalanceAt(account, at(25), "100.00", 2);
        assertBalanceAt(account, at(30), "75.00", 3);
        assertBalanceAt(account, at(3600), "75.00", 3);
    }

    @Test
    void shouldPaginateEntriesInSequenceOrder() {
        final String account = newId("pages");
        log.accounts(Events.opened(account, at(0)),
                Events.credited(account, 2, 100, 100, newId("tx"), at(1)),
                Events.credited(account, 3, 200, 100, newId("tx"), at(2)),
                Events.debited(account, 4, 150, 50, newId("tx"), at(3)),
                Events.debitRejected(account, 5, 150, 900, newId("tx"), at(4)));
        probe.awaitProjected(log);

        entriesPage(account, 0).jsonPath("$.entries[*].sequence").isEqualTo(java.util.List.of(1, 2))
                .jsonPath("$.next_after_sequence").isEqualTo(2);
        entriesPage(account, 2).jsonPath("$.entries[*].sequence").isEqualTo(java.util.List.of(3, 4))
                .jsonPath("$.entries[1].kind").isEqualTo("DEBITED")
                .jsonPath("$.entries[1].amount").isEqualTo("-0.50")
                .jsonPath("$.entries[1].balance_after").isEqualTo("1.50")
                .jsonPath("$.next_after_sequence").isEqualTo(4);
        entriesPage(account, 4).jsonPath("$.entries[*].sequence").isEqualTo(java.util.List.of(5))
                .jsonPath("$.entries[0].amount").isEqualTo("0.00")
                .jsonPath("$.entries[0].requested_amount").isEqualTo("9.00")
                .jsonPath("$.entries[0].reason").isEqualTo("INSUFFICIENT_FUNDS")
                .jsonPath("$.next_after_sequence").doesNotExist();
    }

    @Test
    void shouldRejectAMalformedInstantWithProblemDetails() {
        http.get().uri("/v1/wallet/accounts/{id}/balance?at=yesterday", newId("any")).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.parameter").isEqualTo("at");
    }

    @Test
    void shouldRejectALimitAboveTheMaximumWithProblemDetails() {
        http.get().uri("/v1/wallet/accounts/{id}/entries?limit=1001", newId("any")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("limit")
                .jsonPath("$.rule").isEqualTo("must be between 1 and 1000, was 1001");
    }

    @Test
    void shouldRejectAWaitAboveTheCapWithProblemDetails() {
        http.get().uri("/v1/wallet/accounts/{id}?min_sequence=2&wait_ms=60000", newId("any")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("wait_ms");
    }

    @Test
    void shouldWaitUntilTheAccountReachesTheAskedSequence() {
        final String account = newId("ryw");
        log.accounts(Events.opened(account, at(0)));
        probe.awaitProjected(log);

        final CompletableFuture<WebTestClient.BodyContentSpec> answer = CompletableFuture.supplyAsync(() ->
                http.get().uri("/v1/wallet/accounts/{id}?min_sequence=2&wait_ms=5000", account).exchange()
                        .expectStatus().isOk().expectBody());
        log.accounts(Events.credited(account, 2, 500, 500, newId("tx"), at(1)));

        answer.join().jsonPath("$.sequence").isEqualTo(2)
                .jsonPath("$.balance").isEqualTo("5.00")
                .jsonPath("$.read_side.min_sequence_reached").isEqualTo(true);
    }

    @Test
    void shouldSayWhenTheAskedSequenceWasNotReachedWithinTheWait() {
        final String account = newId("slow");
        log.accounts(Events.opened(account, at(0)));
        probe.awaitProjected(log);

        http.get().uri("/v1/wallet/accounts/{id}?min_sequence=9&wait_ms=200", account).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.sequence").isEqualTo(1)
                .jsonPath("$.read_side.min_sequence_reached").isEqualTo(false);
    }

    @Test
    void shouldAnswerPendingSuccessAndFailedTransfers() {
        final String pending = newId("tx");
        final String success = newId("tx");
        final String failed = newId("tx");
        log.transfers(Events.accepted(pending, "a", "b", 1_00, at(0)),
                Events.accepted(success, "a", "b", 2_00, at(0)),
                Events.completed(success, "a", "b", 2_00, 2, 2, at(1)),
                Events.accepted(failed, "a", "b", 3_00, at(0)),
                Events.failed(failed, "a", "b", 3_00, TransferFailureReason.INSUFFICIENT_FUNDS, false, at(1)));
        probe.awaitProjected(log);

        transfer(pending).jsonPath("$.status").isEqualTo("pending").jsonPath("$.reason").doesNotExist()
                .jsonPath("$.amount").isEqualTo("1.00").jsonPath("$.from_account").isEqualTo("a")
                .jsonPath("$.to_account").isEqualTo("b").jsonPath("$.currency").isEqualTo("USD")
                .jsonPath("$.read_side.projected_through").isNotEmpty();
        transfer(success).jsonPath("$.status").isEqualTo("success").jsonPath("$.transaction_id").isEqualTo(success);
        transfer(failed).jsonPath("$.status").isEqualTo("failed").jsonPath("$.reason").isEqualTo("INSUFFICIENT_FUNDS");
    }

    @Test
    void shouldAnswerNotFoundProblemForAnUnknownTransfer() {
        http.get().uri("/v1/wallet/transfers/{id}", newId("tx")).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldAnswerServiceUnavailableWhilePostgresIsDownAndRecoverAfter() {
        final String account = newId("restart");
        log.accounts(Events.opened(account, at(0)));
        probe.awaitProjected(log);

        postgres.stop();
        try {
            http.get().uri("/v1/wallet/accounts/{id}", account).exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().exists("Retry-After")
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        } finally {
            postgres.start();
        }
        // Connections the restart left dead may cost a 503 or two, never a hang, and then answers are back.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                http.get().uri("/v1/wallet/accounts/{id}", account).exchange()
                        .returnResult(String.class).getStatus().value() == 200);
    }

    @Test
    void shouldAnswerServiceUnavailableWhenAQueryDoesNotFinishInTime() throws SQLException {
        final String account = newId("locked");
        final String tx = newId("tx");
        log.accounts(Events.opened(account, at(0)));
        log.transfers(Events.accepted(tx, account, "b", 1_00, at(0)));
        probe.awaitProjected(log);

        try (Connection locker = DriverManager.getConnection(postgres.jdbcUrl(), EmbeddedPostgresServer.USER, "")) {
            locker.setAutoCommit(false);
            try (Statement lock = locker.createStatement()) {
                // Every read of accounts now waits for this transaction, as under a long migration.
                lock.execute("LOCK TABLE accounts IN ACCESS EXCLUSIVE MODE");
            }
            http.get().uri("/v1/wallet/accounts/{id}", account).exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().exists("Retry-After")
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            // The connection the stuck query held must not keep other answers waiting.
            transfer(tx).jsonPath("$.status").isEqualTo("pending");
            locker.rollback();
        }
        http.get().uri("/v1/wallet/accounts/{id}", account).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.sequence").isEqualTo(1);
    }

    @Test
    void shouldReportPostgresInHealth() {
        http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.r2dbc.status").isEqualTo("UP")
                .jsonPath("$.components.r2dbc.details.database").isEqualTo("PostgreSQL");
    }

    @Test
    void shouldExposeTheProjectionMetricsForPrometheus() {
        final String body = http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).contains("wallet_projection_lag_records{", "wallet_projection_rows_total",
                "wallet_projection_batches_total");
    }

    private void assertBalanceAt(final String account, final java.time.Instant at, final String balance,
                                 final long sequence) {
        http.get().uri(b -> b.path("/v1/wallet/accounts/{id}/balance").queryParam("at", at.toString()).build(account))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.balance").isEqualTo(balance)
                .jsonPath("$.sequence").isEqualTo(sequence)
                .jsonPath("$.at").isEqualTo(at.toString());
    }

    private WebTestClient.BodyContentSpec entriesPage(final String account, final long after) {
        return http.get().uri("/v1/wallet/accounts/{id}/entries?limit=2&after_sequence={after}", account, after)
                .exchange().expectStatus().isOk().expectBody();
    }

    private WebTestClient.BodyContentSpec transfer(final String tx) {
        return http.get().uri("/v1/wallet/transfers/{id}", tx).exchange().expectStatus().isOk().expectBody();
    }
}
