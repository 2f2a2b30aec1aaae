package dev.wallet.api.transfer;

import java.net.URI;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The hot path of {@code POST /v1/wallet/balance_transfer} as a functional route in front of
 * {@link TransferController}: it calls the same controller method and writes its answer itself.
 *
 * <p>Why: routed through the annotated controller, a transfer paid for handler-method lookup,
 * argument resolution, return-type introspection and content negotiation on every request, a
 * measurable share of the API's CPU per transfer (see the README's figures). Functional routes are
 * consulted before annotated mappings; this one takes only the requests the controller's
 * {@code produces} would accept (no {@code Accept}, or one compatible with JSON or problem JSON),
 * so every other request (another method: 405, an unacceptable {@code Accept}: 406) still reaches
 * the controller and is answered as before. The controller stays the documented operation in
 * OpenAPI. Answers are the same: prebuilt JSON bytes as they are, problems through the JSON codec
 * with {@code instance} set to the request path, as Spring's result handler does.
 */
@Configuration(proxyBeanMethods = false)
public class TransferRoute {

    @Bean
    RouterFunction<ServerResponse> transferFastRoute(final TransferController controller) {
        return RouterFunctions.route(RequestPredicates.POST(TransferController.PATH).and(TransferRoute::acceptsJson),
                request -> controller.transfer(request.exchange().getRequest())
                        .flatMap(answer -> respond(request, answer)));
    }

    /** True when the controller's {@code produces} (JSON, problem JSON) would accept the request. */
    static boolean acceptsJson(final ServerRequest request) {
        final List<MediaType> accepted = request.headers().accept();
        if (accepted.isEmpty()) {
            return true;
        }
        for (final MediaType type : accepted) {
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
                return true;
            }
        }
        return false;
    }

    private static Mono<ServerResponse> respond(final ServerRequest request, final ResponseEntity<?> answer) {
        final ServerResponse.BodyBuilder response = ServerResponse.status(answer.getStatusCode())
                .headers(headers -> headers.addAll(answer.getHeaders()));
        final Object body = answer.getBody();
        if (body instanceof byte[] bytes) {
            return response.body((message, context) -> {
                message.getHeaders().setContentLength(bytes.length);
                return message.writeWith(Mono.just(message.bufferFactory().wrap(bytes)));
            });
        }
        if (body instanceof ProblemDetail problem && problem.getInstance() == null) {
            problem.setInstance(URI.create(request.exchange().getRequest().getPath().value()));
        }
        return body == null ? response.build() : response.bodyValue(body);
    }
}
