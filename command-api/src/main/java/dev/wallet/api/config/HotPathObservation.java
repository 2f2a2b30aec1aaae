package dev.wallet.api.config;

import dev.wallet.api.transfer.TransferController;
import io.micrometer.observation.ObservationPredicate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

/**
 * Leaves {@code POST /v1/wallet/balance_transfer} out of Spring's per-request
 * {@code http.server.requests} observation (its timer and its active-requests long-task timer).
 *
 * <p>Why: that observation cost about a tenth of the API's CPU per transfer in a profile, and the
 * endpoint has cheaper metrics of its own ({@code wallet.api.requests}, {@code wallet.api.outcome.wait},
 * {@code wallet.api.request.duration}). Every other path keeps the observation. Set
 * {@code wallet.api.observe-transfer-requests=true} to observe transfers too (default false).
 *
 * <p>Transfers are served by {@code TransferNettyRoute} under the same condition, so they do not
 * reach WebFlux at all; what this still leaves out are the transfer requests the route leaves to
 * WebFlux (an {@code Accept} the endpoint cannot answer).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "wallet.api.observe-transfer-requests", havingValue = "false", matchIfMissing = true)
public class HotPathObservation {

    @Bean
    ObservationPredicate skipTransferRequestObservation() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && HttpMethod.POST.equals(request.getCarrier().getMethod())
                && TransferController.PATH.equals(request.getCarrier().getPath().value()));
    }
}
