package dev.wallet.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The service pointed at a port where no Kafka listens: up as a process, DOWN as a processor. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "wallet.account-processor.application-id=account-processor-no-kafka-test",
    "wallet.account-processor.provision-topics=false",
    "wallet.account-processor.close-timeout=5s",
})
@AutoConfigureWebTestClient
@DirtiesContext
class AccountProcessorWithoutKafkaTest {

    @Autowired
    private WebTestClient web;

    @DynamicPropertySource
    static void unreachableKafka(final DynamicPropertyRegistry registry) throws IOException {
        final int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + closedPort);
        // Under the module's target/, not /tmp: the Streams client still holds it when the test class ends.
        final String stateDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-state")),
                "account-processor-no-kafka").toString();
        registry.add("wallet.account-processor.state-dir", () -> stateDir);
    }

    @Test
    void shouldReportDownWhileTheClientHasNeverReachedKafka() {
        web.get().uri("/actuator/health").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectBody()
                .jsonPath("$.status").isEqualTo("DOWN")
                .jsonPath("$.components.kafkaStreams.status").isEqualTo("DOWN");
    }

    @Test
    void shouldExposeTheLedgerCountersBeforeAnyCommand() {
        web.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class)
                .value(text -> assertThat(text)
                        .contains("wallet_account_commands_total{outcome=\"declined\",reason=\"INSUFFICIENT_FUNDS\","
                                + "step=\"debit\"} 0.0")
                        .contains("wallet_account_commands_invalid_total 0.0")
                        // The commit pacer's counters, under the names the benchmark reads.
                        .contains("wallet_commit_asks_total 0.0")
                        .contains("wallet_commit_asks_busy_total 0.0"));
    }
}
