package dev.wallet.api.http;

import dev.wallet.api.config.CommandApiProperties;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a request body as one JSON object, at most {@code wallet.api.max-body-bytes} long. Every
 * way a body can be unreadable (too long, empty, not JSON, not an object) is an invalid-input
 * result naming the field {@code body} and the rule, never an exception.
 *
 * <p>The body is parsed into a tree rather than bound to a class so that a wrong JSON type (an
 * amount sent as a number) is reported as that, not coerced. Every body the API expects is a flat
 * object of string fields, so that shape is read first with the streaming parser straight into a
 * tree (cheaper than {@code readTree}, which sets up a deserialization context per call); anything
 * else (another JSON type, a nested value, trailing content, malformed JSON) goes to
 * {@code readTree}, which names the problem as before. Both give the same tree for a flat body.
 *
 * <p>A name given twice in one object is refused ({@code duplicate_name}) rather than read as its
 * last value: a client, a gateway or a log that reads the first of two amounts would otherwise see
 * another transfer than the one the wallet makes.
 */
@Component
public final class JsonBodyReader {

    private final JsonMapper mapper;
    private final ObjectReader treeReader;
    private final int maxBodyBytes;
    private final Duration readTimeout;

    /** A reader with the application's JSON mapper and body limit. */
    public JsonBodyReader(final JsonMapper mapper, final CommandApiProperties properties) {
        this.mapper = mapper;
        this.treeReader = mapper.reader().with(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        this.maxBodyBytes = properties.maxBodyBytes();
        this.readTimeout = properties.bodyReadTimeout();
    }

    /** The body as a JSON object, or the rule it broke. */
    public Mono<Validated<JsonNode>> readObject(final ServerHttpRequest request) {
        final long declaredLength = request.getHeaders().getContentLength();
        if (declaredLength > maxBodyBytes) {
            return Mono.just(tooLong());
        }
        return DataBufferUtils.join(request.getBody(), maxBodyBytes)
                .timeout(readTimeout)
                .map(this::parse)
                .defaultIfEmpty(empty())
                .onErrorResume(DataBufferLimitException.class, e -> Mono.just(tooLong()))
                .onErrorResume(TimeoutException.class, e -> Mono.just(tooSlow()));
    }

    /** How long a body may take to arrive in full ({@code wallet.api.body-read-timeout}). */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** The answer to a body that did not arrive in full within {@link #readTimeout()}. */
    public Validated<JsonNode> tooSlow() {
        return Validated.invalid("body", "body_timeout",
                "the body did not arrive in full within " + readTimeout.toMillis() + " ms");
    }

    /** The longest body read, in bytes ({@code wallet.api.max-body-bytes}). */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** A whole body, at most {@link #maxBodyBytes()} long, as a JSON object or the rule it broke. */
    public Validated<JsonNode> parse(final byte[] bytes) {
        if (bytes.length == 0) {
            return empty();
        }
        final Validated<JsonNode> flat = flatStringObject(bytes);
        if (flat != null) {
            return flat;
        }
        final JsonNode node;
        try {
            node = treeReader.readTree(bytes);
        } catch (MismatchedInputException e) {
            // The only mismatch reading a tree can meet: a name given twice in one object.
            return duplicateName(e.getOriginalMessage());
        } catch (JacksonException e) {
            return Validated.invalid("body", "malformed_json", "the body is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return Validated.invalid("body", "json_object", "the body must be a JSON object");
        }
        return new Validated.Valid<>(node);
    }

    /**
     * The body as an object when it is exactly one JSON object of string values and nothing after
     * it, or {@code duplicate_name} when such an object gives a name twice; null otherwise
     * (including malformed input).
     */
    private Validated<JsonNode> flatStringObject(final byte[] bytes) {
        try (JsonParser parser = mapper.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            final ObjectNode object = mapper.createObjectNode();
            for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                if (parser.nextToken() != JsonToken.VALUE_STRING) {
                    return null;
                }
                if (object.has(name)) {
                    return duplicateName("\"" + name + "\" is given more than once");
                }
                object.put(name, parser.getString());
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                return null;
            }
            return new Validated.Valid<>(object);
        } catch (JacksonException e) {
            return null;
        }
    }

    private Validated<JsonNode> parse(final DataBuffer buffer) {
        final byte[] bytes = new byte[buffer.readableByteCount()];
        buffer.read(bytes);
        DataBufferUtils.release(buffer);
        return parse(bytes);
    }

    private static Validated<JsonNode> duplicateName(final String detail) {
        return Validated.invalid("body", "duplicate_name", "a name appears twice in one object: " + detail);
    }

    private static Validated<JsonNode> empty() {
        return Validated.invalid("body", "malformed_json", "the body is empty; a JSON object is required");
    }

    /** The answer to a body longer than {@link #maxBodyBytes()}. */
    public Validated<JsonNode> tooLong() {
        return Validated.invalid("body", "max_bytes", "the body is longer than " + maxBodyBytes + " bytes");
    }
}
