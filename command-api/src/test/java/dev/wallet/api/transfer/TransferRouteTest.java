package dev.wallet.api.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.reactive.function.server.MockServerRequest;

/** The fast route takes exactly the requests the controller's {@code produces} would accept. */
class TransferRouteTest {

    @Test
    void shouldTakeRequestWithoutAccept() {
        assertThat(TransferRoute.acceptsJson(MockServerRequest.builder().build())).isTrue();
    }

    @Test
    void shouldTakeRequestAcceptingAnything() {
        assertThat(TransferRoute.acceptsJson(accepting("*/*"))).isTrue();
    }

    @Test
    void shouldTakeRequestAcceptingJson() {
        assertThat(TransferRoute.acceptsJson(accepting("text/html, application/json;q=0.5"))).isTrue();
    }

    @Test
    void shouldTakeRequestAcceptingOnlyProblemJson() {
        assertThat(TransferRoute.acceptsJson(accepting("application/problem+json"))).isTrue();
    }

    @Test
    void shouldLeaveRequestAcceptingNoJsonToTheController() {
        assertThat(TransferRoute.acceptsJson(accepting("text/html, text/plain"))).isFalse();
    }

    private static MockServerRequest accepting(final String accept) {
        return MockServerRequest.builder().header(HttpHeaders.ACCEPT, accept).build();
    }
}
