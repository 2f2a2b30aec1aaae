package dev.wallet.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.account.topology.AccountProcessorTopology;
import dev.wallet.api.support.EmbeddedBroker;
import dev.wallet.api.support.RunningApi;
import dev.wallet.api.support.StartedParts;
import dev.wallet.api.support.TopicReader;
import dev.wallet.api.support.WritePath;
import dev.wallet.saga.topology.TransferSagaTopology;
import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.avro.AccountRefunded;
import dev.wallet.schemas.avro.TransferAccepted;
import dev.wallet.schemas.topics.Topics;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API in front of the real write path (account processor and transfer saga, each in its own
 * Kafka Streams client) on an embedded KRaft broker: every outcome a client can get.
 */
class WritePathApiTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String FUNDING = "funding-usd-" + RUN;
    private static final String ALICE = "alice-" + RUN;
    private static final String BOB = "bob-" + RUN;
    private static final String ERIC_EUR = "eric-eur-" + RUN;
    private static final String GHOST = "ghost-" + RUN;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @AutoClose
    private static final StartedParts PARTS = new StartedParts();
    private static EmbeddedBroker broker;
    private static WritePath writePath;
    private static RunningApi api;
    /** A second instance with a 1 ms outcome wait. Both are closed only at the end: closing one
     *  Spring Boot app disposes the Reactor Netty resources the other shares in this JVM. */
    private static RunningApi impatientApi;

    @BeforeAll
    static void start() throws IOException {
        broker = PARTS.add(EmbeddedBroker.start());
        writePath = PARTS.add(WritePath.start(broker.bootstrap(), Map.of(
                "test-account-processor", AccountProcessorTopology::build,
                "test-transfer-saga", TransferSagaTopology::build)));
        // Generous waits: the machine is shared; the pending case has its own test with a tiny wait.
        api = PARTS.add(RunningApi.startReady(broker.bootstrap(), Map.of(
                "wallet.api.outcome-wait", "20s",
                "wallet.api.account-open-wait", "20s",
                "wallet.api.event-stream-first-event-wait", "20s")));
        impatientApi = PARTS.add(RunningApi.startReady(broker.bootstrap(), Map.of("wallet.api.outcome-wait", "1ms")));
        openAccount(FUNDING, "USD", "system").expectStatus().isCreated();
        openAccount(ALICE, "USD", "user").expectStatus().isCreated();
        openAccount(BOB, "USD", "user").expectStatus().isCreated();
        openAccount(ERIC_EUR, "EUR", "user").expectStatus().isCreated();
        transfer(FUNDING, ALICE, "1000.00", "USD", UUID.randomUUID().toString())
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("success");
    }

    /** Runs before {@link #PARTS} closes (JUnit closes {@code @AutoClose} fields after {@code @AfterAll}). */
    @AfterAll
    static void writePathRanWithoutFailures() {
        if (writePath != null) {
            assertThat(writePath.failures()).as("write-path stream thread failures").isEmpty();
        }
    }

    @Test
    void shouldAnswerSuccessWhenTransferCompletes() {
        final String id = UUID.randomUUID().toString();
        transfer(ALICE, BOB, "10.00", "USD", id).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("success")
                .jsonPath("$.transaction_id").isEqualTo(id)
                .jsonPath("$.reason").doesNotExist();
    }

    @Test
    void shouldFailWithInsufficientFunds() {
        expectFailed(transfer(BOB, ALICE, "1000000.00", "USD", UUID.randomUUID().toString()), "INSUFFICIENT_FUNDS");
    }

    @Test
    void shouldFailWhenSourceAccountIsUnknown() {
        expectFailed(transfer(GHOST, BOB, "1.00", "USD", UUID.randomUUID().toString()), "SOURCE_ACCOUNT_NOT_FOUND");
    }

    @Test
    void shouldFailWhenSourceCurrencyDiffers() {
        expectFailed(transfer(ALICE, BOB, "1.00", "EUR", UUID.randomUUID().toString()), "SOURCE_CURRENCY_MISMATCH");
    }

    @Test
    void shouldRefundWhenDestinationAccountIsUnknown() {
        final String id = UUID.randomUUID().toString();
        expectFailed(transfer(ALICE, GHOST, "2.00", "USD", id), "DESTINATION_ACCOUNT_NOT_FOUND");
        assertThat(refundsOf(id)).as("refunds of %s", id).hasSize(1);
    }

    @Test
    void shouldRefundWhenDestinationCurrencyDiffers() {
        final String id = UUID.randomUUID().toString();
        expectFailed(transfer(ALICE, ERIC_EUR, "3.00", "USD", id), "DESTINATION_CURRENCY_MISMATCH");
        assertThat(refundsOf(id)).as("refunds of %s", id).hasSize(1);
    }

    @Test
    void shouldAnswerRepeatedRequestWithSameOutcomeAndStartOneSaga() {
        final String id = UUID.randomUUID().toString();
        transfer(ALICE, BOB, "4.00", "USD", id).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("success");

        transfer(ALICE, BOB, "4.00", "USD", id).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("success").jsonPath("$.transaction_id").isEqualTo(id);

        assertThat(TopicReader.readAll(broker.bootstrap(), Topics.TRANSFER_EVENTS,
                e -> e.getTransactionId().equals(id) && e.getBody() instanceof TransferAccepted))
                .as("sagas started for %s", id).hasSize(1);
    }

    @Test
    void shouldAnswerRepeatedFailedRequestWithSameReason() {
        final String id = UUID.randomUUID().toString();
        expectFailed(transfer(BOB, ALICE, "999999.00", "USD", id), "INSUFFICIENT_FUNDS");

        expectFailed(transfer(BOB, ALICE, "999999.00", "USD", id), "INSUFFICIENT_FUNDS");
    }

    @Test
    void shouldAnswerConflictWhenTransactionIdIsReusedWithAnotherBody() {
        final String id = UUID.randomUUID().toString();
        transfer(ALICE, BOB, "5.00", "USD", id).expectStatus().isOk();

        transfer(ALICE, BOB, "6.00", "USD", id).expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.field").isEqualTo("transaction_id")
                .jsonPath("$.rule").isEqualTo("idempotency_key_reuse")
                .jsonPath("$.original_phase").isEqualTo("COMPLETED");
    }

    @Test
    void shouldStreamStatusChangesLiveUntilTerminalStatus() {
        final String id = UUID.randomUUID().toString();
        final Flux<ServerSentEvent<String>> stream = events(id);
        final var collected = stream.collectList().toFuture();

        transfer(ALICE, BOB, "7.00", "USD", id).expectStatus().isOk();

        final List<ServerSentEvent<String>> events = collected.join();
        final List<JsonNode> data = events.stream().map(e -> JSON.readTree(e.data())).toList();
        assertThat(data).extracting(d -> d.get("phase").stringValue()).endsWith("COMPLETED").doesNotHaveDuplicates();
        assertThat(data).extracting(d -> d.get("status").stringValue()).last().isEqualTo("success");
        assertThat(data.get(data.size() - 1).get("amount").stringValue()).isEqualTo("7.00");
        assertThat(events).allMatch(e -> "status".equals(e.event()));
    }

    @Test
    void shouldAnswerPendingAndFinishTheTransferAfterwards() {
        final String id = UUID.randomUUID().toString();
        impatientApi.client().post().uri("/v1/wallet/balance_transfer")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(EdgeApiTest.transfer(ALICE, BOB, "\"8.00\"", "USD", id))
                .exchange()
                .expectStatus().isAccepted()
                .expectHeader().valueEquals("Location", "http://status.example:8081/v1/wallet/transfers/" + id)
                .expectBody().jsonPath("$.status").isEqualTo("pending");

        final List<ServerSentEvent<String>> events = events(id).collectList().block(Duration.ofSeconds(30));

        assertThat(JSON.readTree(events.get(events.size() - 1).data()).get("status").stringValue()).isEqualTo("success");
    }

    @Test
    void shouldStreamTerminalStatusToLateSubscriber() {
        final String id = UUID.randomUUID().toString();
        expectFailed(transfer(BOB, ALICE, "888888.00", "USD", id), "INSUFFICIENT_FUNDS");

        final List<ServerSentEvent<String>> events = events(id).collectList().block(Duration.ofSeconds(30));

        assertThat(events).hasSize(1);
        final JsonNode data = JSON.readTree(events.get(0).data());
        assertThat(data.get("status").stringValue()).isEqualTo("failed");
        assertThat(data.get("reason").stringValue()).isEqualTo("INSUFFICIENT_FUNDS");
    }

    /**
     * The SSE stream of {@code id}, through a plain WebClient: WebTestClient's exchange() waits for
     * the response headers, which for a transfer not seen yet come only with its first event.
     */
    private static Flux<ServerSentEvent<String>> events(final String id) {
        return WebClient.create(api.baseUrl()).get().uri("/v1/wallet/transfers/{id}/events", id)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                .timeout(Duration.ofSeconds(30));
    }

    private static List<AccountEvent> refundsOf(final String transactionId) {
        return TopicReader.readAll(broker.bootstrap(), Topics.ACCOUNT_EVENTS,
                e -> e.getTransactionId().equals(transactionId) && e.getBody() instanceof AccountRefunded);
    }

    private static void expectFailed(final WebTestClient.ResponseSpec response, final String reason) {
        response.expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("failed")
                .jsonPath("$.reason").isEqualTo(reason);
    }

    private static WebTestClient.ResponseSpec openAccount(final String id, final String currency, final String type) {
        return api.client().post().uri("/v1/wallet/accounts")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"account_id\": \"" + id + "\", \"currency\": \"" + currency + "\", \"type\": \"" + type + "\"}")
                .exchange();
    }

    private static WebTestClient.ResponseSpec transfer(final String from, final String to, final String amount,
                                                       final String currency, final String id) {
        return api.client().post().uri("/v1/wallet/balance_transfer")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(EdgeApiTest.transfer(from, to, "\"" + amount + "\"", currency, id))
                .exchange();
    }
}
