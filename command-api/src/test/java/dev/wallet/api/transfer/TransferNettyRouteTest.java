package dev.wallet.api.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TransferNettyRouteTest {

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
}
