package dev.wallet.api;

import dev.wallet.account.topology.AccountProcessorTopology;
import dev.wallet.api.support.EmbeddedBroker;
import dev.wallet.api.support.RunningApi;
import dev.wallet.api.support.StartedParts;
import dev.wallet.api.support.WritePath;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Opening accounts through the API in front of the real account processor. */
class AccountsApiTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @AutoClose
    private static final StartedParts PARTS = new StartedParts();
    private static RunningApi api;

    @BeforeAll
    static void start() throws IOException {
        final EmbeddedBroker broker = PARTS.add(EmbeddedBroker.start());
        PARTS.add(WritePath.start(broker.bootstrap(), Map.of("test-account-processor", AccountProcessorTopology::build)));
        api = PARTS.add(RunningApi.startReady(broker.bootstrap(), Map.of("wallet.api.account-open-wait", "20s")));
    }

    @Test
    void shouldAnswerCreatedWhenAccountIsOpened() {
        final String id = "carol-" + RUN;
        openAccount(id, "USD", "user").expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.account_id").isEqualTo(id)
                .jsonPath("$.currency").isEqualTo("USD")
                .jsonPath("$.type").isEqualTo("user")
                .jsonPath("$.status").isEqualTo("opened");
    }

    @Test
    void shouldAnswerOkWhenAccountAlreadyExistsWithSameAttributes() {
        final String id = "dave-" + RUN;
        openAccount(id, "EUR", "system").expectStatus().isCreated();

        openAccount(id, "EUR", "system").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("exists")
                .jsonPath("$.type").isEqualTo("system");
    }

    @Test
    void shouldAnswerConflictWhenAccountExistsWithOtherAttributes() {
        final String id = "erin-" + RUN;
        openAccount(id, "USD", "user").expectStatus().isCreated();

        openAccount(id, "EUR", "user").expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(409)
                .jsonPath("$.reason").isEqualTo("ACCOUNT_EXISTS_WITH_OTHER_ATTRIBUTES")
                .jsonPath("$.account_id").isEqualTo(id);
    }

    @Test
    void shouldPauseTheAccountEventsTailWhileNoOpenWaitsAndResumeItForTheNextOpen() {
        openAccount("dora-" + RUN, "USD", "user").expectStatus().isCreated();
        // Nobody waits now: the tail pauses its partitions and fetches nothing.
        Awaitility.await("account-events tail paused").atMost(Duration.ofSeconds(10))
                .until(() -> api.accountEventsTail().isPaused());

        // The next open resumes it from that open's registration, so its answer is read, not skipped:
        // a missed answer would leave the request waiting out its 20 s and answer 202.
        openAccount("frank-" + RUN, "EUR", "user").expectStatus().isCreated();
        Awaitility.await("account-events tail paused again").atMost(Duration.ofSeconds(10))
                .until(() -> api.accountEventsTail().isPaused());
    }

    private static WebTestClient.ResponseSpec openAccount(final String id, final String currency, final String type) {
        return api.client().post().uri("/v1/wallet/accounts")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"account_id\": \"" + id + "\", \"currency\": \"" + currency + "\", \"type\": \"" + type + "\"}")
                .exchange();
    }
}
