package dev.wallet.api.transfer;

import dev.wallet.api.http.JsonBodyReader;
import dev.wallet.api.http.Validated;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.URI;
import java.util.Arrays;
import java.util.concurrent.TimeoutException;
import java.util.List;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hot path of {@code POST /v1/wallet/balance_transfer}: a route of the Reactor Netty server
 * itself, in front of Spring WebFlux, that calls {@link TransferController} and writes its answer.
 *
 * <p>Why: through WebFlux every transfer paid for the exchange's creation, the web filter chain,
 * the dispatcher's handler lookup (a router function, then the annotated mappings), result
 * handling and its observation hooks on the event loop, a large share of the API's CPU per
 * transfer (see the README). Spring Boot puts {@link NettyRouteProvider} routes before its own
 * handler on the same server, port and event loops. This route takes only what the controller's
 * {@code produces} would accept: a {@code POST} to exactly this path (any query string), with no
 * {@code Accept} or one compatible with JSON or problem JSON. Every other request (another method,
 * a trailing slash, an encoded path, an unacceptable or malformed {@code Accept}) reaches WebFlux
 * and is answered there as before (405, 404, 406), and the controller stays the operation OpenAPI
 * describes. The answers are the controller's: its prebuilt JSON bytes as they are, its problems
 * written as Spring's JSON encoder writes them, with {@code instance} set to the request path.
 *
 * <p>Off when {@code wallet.api.observe-transfer-requests=true}: then transfers go through WebFlux,
 * which observes them in {@code http.server.requests}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "wallet.api.observe-transfer-requests", havingValue = "false", matchIfMissing = true)
public class TransferNettyRoute {

    private static final Logger log = LoggerFactory.getLogger(TransferNettyRoute.class);

    @Bean
    NettyRouteProvider transferRoute(final TransferController controller, final JsonBodyReader bodyReader,
                                     final JsonMapper mapper) {
        final Handler handler = new Handler(controller::transfer, bodyReader, problemMapper(mapper));
        return routes -> routes.route(TransferNettyRoute::takes, handler::handle);
    }

    /** The mapper writing problems as Spring's JSON encoder does (RFC 9457 members at the top level). */
    static JsonMapper problemMapper(final JsonMapper mapper) {
        return mapper.rebuild().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();
    }

    /** What answers a body once read: {@link TransferController#transfer(Validated, long)}. */
    @FunctionalInterface
    interface Answerer {
        Mono<ResponseEntity<?>> answer(Validated<JsonNode> body, long startNanos);
    }

    /** True for a {@code POST} to exactly the transfer path whose {@code Accept} the controller serves. */
    static boolean takes(final HttpServerRequest request) {
        return HttpMethod.POST.equals(request.method())
                && TransferController.PATH.equals(path(request.uri()))
                && acceptsJson(request.requestHeaders().getAll(HttpHeaderNames.ACCEPT));
    }

    /** The path of an origin-form request target ({@code /path?query}); null for any other form. */
    static String path(final String uri) {
        if (!uri.startsWith("/")) {
            return null;
        }
        final int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }

    /** True when the controller's {@code produces} (JSON, problem JSON) would accept these {@code Accept} values. */
    static boolean acceptsJson(final List<String> accept) {
        final List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
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

    /**
     * Reads the body (bounded), asks the controller, writes its answer; a failure of the controller,
     * or an answer it has no way to write, becomes a 500 problem, logged.
     */
    record Handler(Answerer controller, JsonBodyReader bodyReader, JsonMapper problemMapper) {

        Publisher<Void> handle(final HttpServerRequest request, final HttpServerResponse response) {
            final long startNanos = System.nanoTime();
            final String path = path(request.uri());
            return body(request)
                    .flatMap(body -> controller.answer(body, startNanos))
                    .map(answer -> Written.of(answer, path, problemMapper))
                    .onErrorResume(e -> {
                        log.error("Transfer request failed unexpectedly", e);
                        return Mono.just(Written.internalError(path, problemMapper));
                    })
                    .flatMap(written -> written.send(response));
        }

        /** The body as a JSON object or the rule it broke; longer than the limit is never read whole. */
        private Mono<Validated<JsonNode>> body(final HttpServerRequest request) {
            final int max = bodyReader.maxBodyBytes();
            final String declared = request.requestHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
            if (declared != null && declaredTooLong(declared, max)) {
                return Mono.just(bodyReader.tooLong());
            }
            // Past the limit the body is not read on: the error cancels the inbound, as WebFlux's
            // bounded join does.
            return request.receive()
                    .reduceWith(() -> new BoundedBody(max), BoundedBody::append)
                    .timeout(bodyReader.readTimeout())
                    .map(body -> bodyReader.parse(body.bytes()))
                    .onErrorResume(BodyTooLong.class, e -> Mono.just(bodyReader.tooLong()))
                    .onErrorResume(TimeoutException.class, e -> Mono.just(bodyReader.tooSlow()));
        }

        private static boolean declaredTooLong(final String declared, final int max) {
            try {
                return Long.parseLong(declared.trim()) > max;
            } catch (NumberFormatException e) {
                return false; // not a number: the bounded read below decides
            }
        }
    }

    /** A body's bytes up to a limit. */
    private static final class BoundedBody {
        private final int max;
        private byte[] buffer = new byte[512];
        private int length;

        BoundedBody(final int max) {
            this.max = max;
        }

        BoundedBody append(final ByteBuf chunk) {
            final int readable = chunk.readableBytes();
            if (readable > max - length) {
                throw new BodyTooLong();
            }
            if (length + readable > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.min(max, Math.max(buffer.length * 2, length + readable)));
            }
            chunk.readBytes(buffer, length, readable);
            length += readable;
            return this;
        }

        byte[] bytes() {
            return Arrays.copyOf(buffer, length);
        }
    }

    /** A body longer than the limit; no stack trace, it is an answer, not a fault. */
    private static final class BodyTooLong extends RuntimeException {
        BodyTooLong() {
            super("the body is longer than the limit", null, false, false);
        }
    }

    /** An answer: the controller's status and headers, its body as bytes. */
    private record Written(ResponseEntity<?> entity, byte[] body) {

        static Written of(final ResponseEntity<?> answer, final String path, final JsonMapper problemMapper) {
            final Object body = answer.getBody();
            if (body instanceof byte[] bytes) {
                return new Written(answer, bytes);
            }
            if (body instanceof ProblemDetail problem) {
                if (problem.getInstance() == null) {
                    problem.setInstance(URI.create(path));
                }
                return new Written(answer, problemMapper.writeValueAsBytes(problem));
            }
            throw new IllegalStateException("unexpected answer body " + (body == null ? "null" : body.getClass()));
        }

        static Written internalError(final String path, final JsonMapper problemMapper) {
            final ProblemDetail problem = ProblemDetail.forStatus(HttpResponseStatus.INTERNAL_SERVER_ERROR.code());
            problem.setInstance(URI.create(path));
            return new Written(ResponseEntity.internalServerError().contentType(MediaType.APPLICATION_PROBLEM_JSON).build(),
                    problemMapper.writeValueAsBytes(problem));
        }

        Mono<Void> send(final HttpServerResponse response) {
            response.status(entity.getStatusCode().value());
            entity.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            response.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length));
            return response.sendByteArray(Mono.just(body)).then();
        }
    }
}
