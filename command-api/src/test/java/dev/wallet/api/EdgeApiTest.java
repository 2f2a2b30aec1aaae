package dev.wallet.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.api.support.EmbeddedBroker;
import dev.wallet.api.support.RunningApi;
import dev.wallet.api.support.StartedParts;
import dev.wallet.schemas.avro.TransferRequest;
import dev.wallet.schemas.kafka.ExactlyOnce;
import dev.wallet.schemas.topics.Topic;
import dev.wallet.schemas.topics.Topics;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;

/**
 * The API's edge with a real broker but no write path behind it: every invalid input is a 400
 * problem that names field and rule and writes nothing; a valid transfer is written and, with no
 * saga to answer, ends pending; health, metrics and OpenAPI are served.
 */
class EdgeApiTest {

    private static final String TRANSFER = "/v1/wallet/balance_transfer";
    private static final String ACCOUNTS = "/v1/wallet/accounts";
    private static final List<Topic<?, ?>> COMMAND_TOPICS = List.of(Topics.TRANSFER_REQUESTS, Topics.ACCOUNT_COMMANDS);

    @AutoClose
    private static final StartedParts PARTS = new StartedParts();
    private static EmbeddedBroker broker;
    private static RunningApi api;

    @BeforeAll
    static void start() {
        broker = PARTS.add(EmbeddedBroker.start());
        api = PARTS.add(RunningApi.startReady(broker.bootstrap(), Map.of(
                "wallet.api.outcome-wait", "300ms",
                "wallet.api.account-open-wait", "300ms",
                "wallet.api.body-read-timeout", "1s")));
    }

    static Stream<Arguments> invalidInputs() {
        final String id = UUID.randomUUID().toString();
        return Stream.of(
                Arguments.of("malformed JSON", TRANSFER, "{\"from_account\": ", "body", "malformed_json"),
                Arguments.of("empty body", TRANSFER, "", "body", "malformed_json"),
                Arguments.of("JSON that is not an object", TRANSFER, "[1, 2]", "body", "json_object"),
                Arguments.of("missing from_account", TRANSFER, transfer(null, "bob", "\"1.00\"", "USD", id),
                        "from_account", "required"),
                Arguments.of("missing to_account", TRANSFER, transfer("alice", null, "\"1.00\"", "USD", id),
                        "to_account", "required"),
                Arguments.of("missing amount", TRANSFER, transfer("alice", "bob", null, "USD", id), "amount", "required"),
                Arguments.of("missing currency", TRANSFER, transfer("alice", "bob", "\"1.00\"", null, id),
                        "currency", "required"),
                Arguments.of("missing transaction_id", TRANSFER, transfer("alice", "bob", "\"1.00\"", "USD", null),
                        "transaction_id", "required"),
                Arguments.of("amount as a JSON number", TRANSFER, transfer("alice", "bob", "12.50", "USD", id),
                        "amount", "string"),
                Arguments.of("negative amount", TRANSFER, transfer("alice", "bob", "\"-1.00\"", "USD", id),
                        "amount", "positive_decimal"),
                Arguments.of("zero amount", TRANSFER, transfer("alice", "bob", "\"0.00\"", "USD", id),
                        "amount", "positive_decimal"),
                Arguments.of("amount that is no number", TRANSFER, transfer("alice", "bob", "\"ten\"", "USD", id),
                        "amount", "positive_decimal"),
                Arguments.of("amount with an exponent", TRANSFER, transfer("alice", "bob", "\"1e3\"", "USD", id),
                        "amount", "positive_decimal"),
                Arguments.of("three decimals in USD", TRANSFER, transfer("alice", "bob", "\"12.345\"", "USD", id),
                        "amount", "currency_scale"),
                Arguments.of("decimals in JPY", TRANSFER, transfer("alice", "bob", "\"100.5\"", "JPY", id),
                        "amount", "currency_scale"),
                Arguments.of("amount above the maximum", TRANSFER,
                        transfer("alice", "bob", "\"1000000000.01\"", "USD", id), "amount", "maximum"),
                Arguments.of("unknown currency code", TRANSFER, transfer("alice", "bob", "\"1.00\"", "XYZ", id),
                        "currency", "iso_4217"),
                Arguments.of("lower-case currency code", TRANSFER, transfer("alice", "bob", "\"1.00\"", "usd", id),
                        "currency", "iso_4217"),
                Arguments.of("same account on both sides", TRANSFER, transfer("alice", "alice", "\"1.00\"", "USD", id),
                        "to_account", "different_accounts"),
                Arguments.of("malformed UUID", TRANSFER, transfer("alice", "bob", "\"1.00\"", "USD", "not-a-uuid"),
                        "transaction_id", "uuid"),
                Arguments.of("account id with spaces", TRANSFER, transfer("al ice", "bob", "\"1.00\"", "USD", id),
                        "from_account", "account_id"),
                Arguments.of("amount given twice", TRANSFER,
                        "{\"from_account\":\"alice\",\"to_account\":\"bob\",\"amount\":\"1.00\",\"currency\":\"USD\","
                                + "\"transaction_id\":\"" + id + "\",\"amount\":\"900.00\"}", "body", "duplicate_name"),
                Arguments.of("oversized body", TRANSFER,
                        "{\"pad\": \"" + "x".repeat(5_000) + "\"}", "body", "max_bytes"),
                Arguments.of("account: unknown type", ACCOUNTS,
                        "{\"account_id\": \"carol\", \"currency\": \"USD\", \"type\": \"admin\"}", "type", "account_type"),
                Arguments.of("account: missing currency", ACCOUNTS,
                        "{\"account_id\": \"carol\", \"type\": \"user\"}", "currency", "required"),
                Arguments.of("account: unknown currency", ACCOUNTS,
                        "{\"account_id\": \"carol\", \"currency\": \"ABC\", \"type\": \"user\"}", "currency", "iso_4217"),
                Arguments.of("account: malformed JSON", ACCOUNTS, "{\"account_id\"", "body", "malformed_json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidInputs")
    void shouldAnswerInvalidInputWithProblemAndWriteNothing(final String name, final String path, final String body,
                                                            final String field, final String rule) {
        final List<Long> before = broker.endOffsetSums(COMMAND_TOPICS);

        api.client().post().uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.field").isEqualTo(field)
                .jsonPath("$.rule").isEqualTo(rule)
                .jsonPath("$.violations[0].field").isEqualTo(field)
                .jsonPath("$.detail").isNotEmpty();

        assertThat(broker.endOffsetSums(COMMAND_TOPICS)).as("records in the command topics").isEqualTo(before);
    }

    @Test
    void shouldAnswerPendingWithStatusLocationWhenNoOutcomeArrivesInTime() {
        final String id = UUID.randomUUID().toString();
        api.client().post().uri(TRANSFER)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(transfer("alice", "bob", "\"12.50\"", "USD", id))
                .exchange()
                .expectStatus().isAccepted()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "http://status.example:8081/v1/wallet/transfers/" + id)
                .expectBody()
                .jsonPath("$.status").isEqualTo("pending")
                .jsonPath("$.transaction_id").isEqualTo(id);
    }

    @Test
    void shouldAnswerPendingWhenNoAccountProcessorAnswersTheOpenInTime() {
        final long before = broker.endOffsetSum(Topics.ACCOUNT_COMMANDS);

        api.client().post().uri(ACCOUNTS)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"account_id\": \"frank\", \"currency\": \"USD\", \"type\": \"user\"}")
                .exchange()
                .expectStatus().isAccepted()
                .expectBody()
                .jsonPath("$.status").isEqualTo("pending")
                .jsonPath("$.account_id").isEqualTo("frank");

        assertThat(broker.endOffsetSum(Topics.ACCOUNT_COMMANDS)).isEqualTo(before + 1);
    }

    @Test
    void shouldWriteTransferRequestWithMinorUnitsAndDeadline() {
        final String id = UUID.randomUUID().toString();
        api.client().post().uri(TRANSFER)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(transfer("alice", "bob", "\"12.50\"", "USD", id))
                .exchange()
                .expectStatus().isAccepted();

        final TransferRequest written = readTransferRequest(id);
        assertThat(written.getAmountMinor()).isEqualTo(1250);
        assertThat(written.getFromAccount()).isEqualTo("alice");
        assertThat(written.getToAccount()).isEqualTo("bob");
        assertThat(written.getCurrency()).isEqualTo("USD");
        assertThat(Duration.between(written.getRequestedAt(), written.getDeadline())).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldAnswerBadPathUuidOfEventStreamWithProblem() {
        api.client().get().uri("/v1/wallet/transfers/{id}/events", "nope")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.field").isEqualTo("transaction_id")
                .jsonPath("$.rule").isEqualTo("uuid");
    }

    @Test
    void shouldAnswerUnknownTransferEventStreamWithNotFoundPointingToStatusResource() {
        final String id = UUID.randomUUID().toString();
        api.client().get().uri("/v1/wallet/transfers/{id}/events", id)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.status_resource").isEqualTo("http://status.example:8081/v1/wallet/transfers/" + id);
    }

    @Test
    void shouldAnswerUnknownPathWithProblem() {
        api.client().get().uri("/v1/wallet/nothing-here")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldReportKafkaInHealth() {
        api.client().get().uri("/actuator/health")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.kafka.status").isEqualTo("UP")
                .jsonPath("$.components.kafka.details.brokers").isEqualTo(1);
    }

    @Test
    void shouldBeReadyWhenKafkaAnswersAndTailsArePositioned() {
        api.client().get().uri("/actuator/health/readiness")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void shouldExposeRequestCountsByOutcomeToPrometheus() {
        api.client().post().uri(TRANSFER).contentType(MediaType.APPLICATION_JSON).bodyValue("{")
                .exchange().expectStatus().isBadRequest();

        final String scrape = api.client().get().uri("/actuator/prometheus")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(scrape).contains("wallet_api_requests_total{endpoint=\"balance_transfer\",outcome=\"invalid\"");
    }

    @Test
    void shouldNameTheRequestPathAsProblemInstance() {
        api.client().post().uri(TRANSFER).contentType(MediaType.APPLICATION_JSON).bodyValue("{")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.instance").isEqualTo(TRANSFER)
                .jsonPath("$.type").isEqualTo("https://wallet.dev/problems/invalid-input")
                .jsonPath("$.title").isEqualTo("Invalid input");
    }

    @Test
    void shouldAnswerOtherMethodsOnTheTransferPathWithMethodNotAllowedProblem() {
        api.client().get().uri(TRANSFER)
                .exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldAnswerUnacceptableMediaTypeWithNotAcceptable() {
        api.client().post().uri(TRANSFER).contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_HTML)
                .bodyValue(transfer("alice", "bob", "\"1.00\"", "USD", UUID.randomUUID().toString()))
                .exchange()
                .expectStatus().isEqualTo(406);
    }

    @Test
    void shouldRefuseAnOversizedBodySentInChunksWithoutALength() {
        final List<Long> before = broker.endOffsetSums(COMMAND_TOPICS);
        final DataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
        final Flux<DataBuffer> chunks = Flux.range(0, 6).map(i -> buffers.wrap(
                (i == 0 ? "{\"pad\": \"" : "").concat("x".repeat(1_000)).getBytes(StandardCharsets.US_ASCII)));

        api.client().post().uri(TRANSFER).contentType(MediaType.APPLICATION_JSON)
                .body(chunks, DataBuffer.class)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.field").isEqualTo("body")
                .jsonPath("$.rule").isEqualTo("max_bytes");

        assertThat(broker.endOffsetSums(COMMAND_TOPICS)).as("records in the command topics").isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {TRANSFER, ACCOUNTS})
    void shouldAnswerABodyThatStopsHalfwayWithProblemAndWriteNothing(final String path) throws IOException {
        final List<Long> before = broker.endOffsetSums(COMMAND_TOPICS);
        final URI base = URI.create(api.baseUrl());

        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            // Never more than the test's own bound: a server that waits for the rest fails the test.
            socket.setSoTimeout(15_000);
            final String head = "POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 200\r\nConnection: close\r\n\r\n{\"from_account\":";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();

            final String answer = new String(socket.getInputStream().readNBytes(2048), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 400").contains("\"rule\":\"body_timeout\"");
        }
        assertThat(broker.endOffsetSums(COMMAND_TOPICS)).as("records in the command topics").isEqualTo(before);
    }

    @Test
    void shouldTakeAQueryStringButNotATrailingSlashOnTheTransferPath() {
        api.client().post().uri(TRANSFER + "?source=test").contentType(MediaType.APPLICATION_JSON).bodyValue("{")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.rule").isEqualTo("malformed_json");
        api.client().post().uri(TRANSFER + "/").contentType(MediaType.APPLICATION_JSON).bodyValue("{")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldAnswerPendingWithExactlyStatusAndTransactionIdAsJson() {
        final String id = UUID.randomUUID().toString();

        api.client().post().uri(TRANSFER).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(transfer("alice", "bob", "\"1.00\"", "USD", id))
                .exchange()
                .expectStatus().isAccepted()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().json("{\"status\":\"pending\",\"transaction_id\":\"" + id + "\"}", true);
    }

    @Test
    void shouldTimeTransferRequestsWithTheirOwnTimerInsteadOfHttpServerObservation() {
        api.client().post().uri(TRANSFER).contentType(MediaType.APPLICATION_JSON).bodyValue("{")
                .exchange().expectStatus().isBadRequest();
        api.client().get().uri("/v3/api-docs").exchange().expectStatus().isOk();

        final String scrape = api.client().get().uri("/actuator/prometheus")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(scrape).contains("wallet_api_request_duration_seconds_count{endpoint=\"balance_transfer\"")
                .contains("uri=\"/v3/api-docs\"")
                .doesNotContain("uri=\"/v1/wallet/balance_transfer\"");
    }

    @Test
    void shouldServeOpenApiDescriptionOfTheEndpoints() {
        api.client().get().uri("/v3/api-docs")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.info.title").isEqualTo("Wallet command API")
                .jsonPath("$.paths['/v1/wallet/balance_transfer'].post").exists()
                .jsonPath("$.paths['/v1/wallet/accounts'].post").exists()
                .jsonPath("$.paths['/v1/wallet/transfers/{transaction_id}/events'].get").exists();
    }

    /** A transfer body; a null argument leaves the field out, {@code amount} is raw JSON. */
    static String transfer(final String from, final String to, final String amount, final String currency,
                           final String transactionId) {
        final List<String> fields = new ArrayList<>();
        if (from != null) {
            fields.add("\"from_account\": \"" + from + "\"");
        }
        if (to != null) {
            fields.add("\"to_account\": \"" + to + "\"");
        }
        if (amount != null) {
            fields.add("\"amount\": " + amount);
        }
        if (currency != null) {
            fields.add("\"currency\": \"" + currency + "\"");
        }
        if (transactionId != null) {
            fields.add("\"transaction_id\": \"" + transactionId + "\"");
        }
        return "{" + String.join(", ", fields) + "}";
    }

    private static TransferRequest readTransferRequest(final String transactionId) {
        final Properties props = ExactlyOnce.readCommitted(broker.bootstrap(), "edge-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, TransferRequest> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                Topics.TRANSFER_REQUESTS.valueSerde().deserializer())) {
            consumer.subscribe(List.of(Topics.TRANSFER_REQUESTS.name()));
            final List<TransferRequest> found = new ArrayList<>();
            Awaitility.await("the written TransferRequest").atMost(Duration.ofSeconds(20)).until(() -> {
                for (final ConsumerRecord<String, TransferRequest> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key().equals(transactionId)) {
                        found.add(record.value());
                    }
                }
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }
}
