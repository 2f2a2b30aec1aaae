package dev.wallet.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.api.support.EmbeddedBroker;
import dev.wallet.api.support.RunningApi;
import dev.wallet.api.support.StartedParts;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * With {@code wallet.api.observe-transfer-requests=true} transfers are served by WebFlux (the
 * annotated controller) instead of the Netty route, with the same answers, and observed in
 * {@code http.server.requests}.
 */
class ObservedTransfersApiTest {

    private static final String TRANSFER = "/v1/wallet/balance_transfer";

    @AutoClose
    private static final StartedParts PARTS = new StartedParts();
    private static RunningApi api;

    @BeforeAll
    static void start() {
        final EmbeddedBroker broker = PARTS.add(EmbeddedBroker.start());
        api = PARTS.add(RunningApi.startReady(broker.bootstrap(), Map.of(
                "wallet.api.outcome-wait", "300ms",
                "wallet.api.observe-transfer-requests", "true")));
    }

    @Test
    void shouldAnswerAsTheRouteDoesAndObserveTheRequests() {
        final String id = UUID.randomUUID().toString();
        api.client().post().uri(TRANSFER).contentType(MediaType.APPLICATION_JSON).bodyValue("{")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.instance").isEqualTo(TRANSFER)
                .jsonPath("$.rule").isEqualTo("malformed_json");
        api.client().post().uri(TRANSFER).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"from_account\":\"alice\",\"to_account\":\"bob\",\"amount\":\"1.00\",\"currency\":\"USD\","
                        + "\"transaction_id\":\"" + id + "\"}")
                .exchange()
                .expectStatus().isAccepted()
                .expectBody().json("{\"status\":\"pending\",\"transaction_id\":\"" + id + "\"}", true);

        final String scrape = api.client().get().uri("/actuator/prometheus")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(scrape).contains("uri=\"/v1/wallet/balance_transfer\"");
    }
}
