package dev.wallet.api;

import dev.wallet.api.support.RunningApi;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** With no broker at the configured address the API answers 503 with Retry-After, within bounded time. */
class KafkaDownApiTest {

    @AutoClose
    private static RunningApi api;

    @BeforeAll
    static void start() throws IOException {
        api = RunningApi.start("127.0.0.1:" + closedPort(), Map.of(
                "wallet.api.kafka.max-block-ms", "500",
                "wallet.api.retry-after", "3s"));
    }

    @Test
    void shouldAnswerTransferWithServiceUnavailableAndRetryAfter() {
        api.client().mutate().responseTimeout(Duration.ofSeconds(10)).build()
                .post().uri("/v1/wallet/balance_transfer")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(EdgeApiTest.transfer("alice", "bob", "\"1.00\"", "USD", UUID.randomUUID().toString()))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "3")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(503);
    }

    @Test
    void shouldAnswerAccountOpenWithServiceUnavailableAndRetryAfter() {
        api.client().mutate().responseTimeout(Duration.ofSeconds(10)).build()
                .post().uri("/v1/wallet/accounts")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"account_id\": \"carol\", \"currency\": \"USD\", \"type\": \"user\"}")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER);
    }

    @Test
    void shouldReportKafkaDownInHealth() {
        api.client().get().uri("/actuator/health")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.components.kafka.status").isEqualTo("DOWN");
    }

    @Test
    void shouldNotBeReadyWithoutKafka() {
        api.client().get().uri("/actuator/health/readiness")
                .exchange()
                .expectStatus().isEqualTo(503);
    }

    /** A port nobody listens on: bound, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
