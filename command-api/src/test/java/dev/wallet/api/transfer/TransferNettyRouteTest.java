package dev.wallet.api.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.api.http.JsonBodyReader;
import dev.wallet.api.http.Validated;
import dev.wallet.api.support.ApiProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which requests the route takes, and what it writes: checked on a real Reactor Netty server
 * (ephemeral port) with a stand-in for the controller, so that its failures can be provoked.
 */
class TransferNettyRouteTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration ANSWER_MAX = Duration.ofSeconds(10);
    private static final String BODY = "{\"from_account\":\"alice\",\"to_account\":\"bob\",\"amount\":\"1.00\","
            + "\"currency\":\"USD\",\"transaction_id\":\"t-1\"}";

    @Test
    void shouldAcceptARequestWithoutAccept() {
        assertThat(TransferNettyRoute.acceptsJson(List.of())).isTrue();
    }

    @Test
    void shouldAcceptWildcardsJsonAmongOthersAndProblemJson() {
        assertThat(TransferNettyRoute.acceptsJson(List.of("*/*"))).isTrue();
        assertThat(TransferNettyRoute.acceptsJson(List.of("text/html, application/json;q=0.5"))).isTrue();
        assertThat(TransferNettyRoute.acceptsJson(List.of("text/html", "application/json"))).isTrue();
        assertThat(TransferNettyRoute.acceptsJson(List.of("application/problem+json"))).isTrue();
    }

    @Test
    void shouldLeaveUnacceptableAndMalformedAcceptToWebFlux() {
        assertThat(TransferNettyRoute.acceptsJson(List.of("text/html, text/plain"))).isFalse();
        assertThat(TransferNettyRoute.acceptsJson(List.of("not a media type"))).isFalse();
    }

    @Test
    void shouldTakeThePathOfAnOriginFormTargetOnly() {
        assertThat(TransferNettyRoute.path("/v1/wallet/balance_transfer")).isEqualTo("/v1/wallet/balance_transfer");
        assertThat(TransferNettyRoute.path("/v1/wallet/balance_transfer?a=b")).isEqualTo("/v1/wallet/balance_transfer");
        assertThat(TransferNettyRoute.path("/v1/wallet/balance_transfer/")).isEqualTo("/v1/wallet/balance_transfer/");
        assertThat(TransferNettyRoute.path("http://host/v1/wallet/balance_transfer")).isNull();
        assertThat(TransferNettyRoute.path("*")).isNull();
    }

    @Test
    void shouldWriteTheControllersBytesStatusAndHeadersAsTheyAre() throws Exception {
        final byte[] answer = "{\"status\":\"COMPLETED\"}".getBytes(StandardCharsets.UTF_8);
        final HttpResponse<String> response = post((body, startNanos) -> Mono.just(ResponseEntity.status(201)
                .contentType(MediaType.APPLICATION_JSON).header("X-Probe", "kept").body(answer)));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("X-Probe")).hasValue("kept");
        assertThat(response.headers().firstValue("Content-Length")).hasValue(Integer.toString(answer.length));
        assertThat(response.body()).isEqualTo("{\"status\":\"COMPLETED\"}");
    }

    @Test
    void shouldAnswerAProblemWith500WhenTheControllerFails() throws Exception {
        final HttpResponse<String> response = post((body, startNanos) ->
                Mono.error(new IllegalStateException("secret detail of the failure")));

        assertInternalError(response);
    }

    @Test
    void shouldAnswerAProblemWith500WhenTheControllersAnswerCannotBeWritten() throws Exception {
        final HttpResponse<String> response = post((body, startNanos) ->
                Mono.just(ResponseEntity.ok("a body of a type the route does not write")));

        assertInternalError(response);
    }

    @Test
    void shouldHandTheControllerTheReadBody() throws Exception {
        final HttpResponse<String> response = post((body, startNanos) -> Mono.just(ResponseEntity.ok(
                ((Validated.Valid<JsonNode>) body).value().get("from_account").asString().getBytes(StandardCharsets.UTF_8))));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("alice");
    }

    private static void assertInternalError(final HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        final JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(500);
        assertThat(problem.get("title").asString()).isEqualTo("Internal Server Error");
        assertThat(problem.get("instance").asString()).isEqualTo(TransferController.PATH);
        assertThat(response.body()).doesNotContain("secret");
    }

    /** Posts a transfer body to a server holding only the route, answered by {@code controller}. */
    private static HttpResponse<String> post(final TransferNettyRoute.Answerer controller) throws Exception {
        final TransferNettyRoute.Handler handler = new TransferNettyRoute.Handler(controller,
                new JsonBodyReader(JSON, ApiProperties.forTests()), TransferNettyRoute.problemMapper(JSON));
        final DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.route(TransferNettyRoute::takes, handler::handle))
                .bindNow(ANSWER_MAX);
        try {
            final HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + TransferController.PATH))
                    .header("Content-Type", "application/json").timeout(ANSWER_MAX)
                    .POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } finally {
            server.disposeNow(ANSWER_MAX);
        }
    }
}
