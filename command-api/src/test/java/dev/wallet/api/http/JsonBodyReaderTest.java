package dev.wallet.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.api.config.CommandApiProperties;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The streaming read of flat bodies must give exactly what {@code readTree} gives, and every other
 * body must still be judged by {@code readTree}.
 */
class JsonBodyReaderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonBodyReader reader = new JsonBodyReader(JSON, properties());

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"from_account\":\"alice\",\"to_account\":\"bob\",\"amount\":\"12.50\",\"currency\":\"USD\","
                + "\"transaction_id\":\"5e0c9b7a-3f1d-4a2b-9c8e-7d6f5a4b3c2d\"}",
        "  { \"a\" : \"\\u00e9\\n\\\"x\" }  ",
        "{}",
        "{\"amount\":12.5,\"currency\":\"USD\"}",
        "{\"amount\":null}",
        "{\"amount\":\"1\",\"amount\":\"2\"}",
        "{\"from_account\":{\"id\":\"alice\"}}",
        "{\"from_account\":[\"alice\"]}",
        "{\"a\":true}"
    })
    void shouldReadEveryObjectAsReadTreeDoes(final String body) {
        assertThat(read(body)).isEqualTo(new Validated.Valid<>(JSON.readTree(body)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":\"b\"", "{\"a\":\"b\"} x", "{\"a\" \"b\"}", "{'a':'b'}", "nope"})
    void shouldJudgeMalformedBodiesAsReadTreeDoes(final String body) {
        final Validated<JsonNode> result = read(body);

        if (readTreeFails(body)) {
            assertThat(rule(result)).isEqualTo("malformed_json");
        } else {
            assertThat(result).isEqualTo(new Validated.Valid<>(JSON.readTree(body)));
        }
    }

    @Test
    void shouldRefuseArrayAsNotAnObject() {
        assertThat(rule(read("[\"a\"]"))).isEqualTo("json_object");
    }

    @Test
    void shouldRefuseStringAsNotAnObject() {
        assertThat(rule(read("\"a\""))).isEqualTo("json_object");
    }

    private Validated<JsonNode> read(final String body) {
        return reader.readObject(MockServerHttpRequest.post("/v1/wallet/balance_transfer").body(body))
                .block(Duration.ofSeconds(5));
    }

    private static boolean readTreeFails(final String body) {
        try {
            JSON.readTree(body);
            return false;
        } catch (JacksonException e) {
            return true;
        }
    }

    private static String rule(final Validated<JsonNode> result) {
        return ((Validated.Invalid<JsonNode>) result).violations().get(0).rule();
    }

    private static CommandApiProperties properties() {
        return new CommandApiProperties(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(30),
                "http://127.0.0.1:8081", 10_000, 4096, 100_000_000_000L, Map.of(), 100_000, 1000,
                Duration.ofSeconds(60), Duration.ofSeconds(2), Duration.ofSeconds(1),
                new CommandApiProperties.Kafka(1000, 2000, 3000, 5, 65536, "lz4", 10_000, 100, Map.of()));
    }
}
