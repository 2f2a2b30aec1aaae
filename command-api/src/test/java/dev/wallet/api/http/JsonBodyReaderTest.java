package dev.wallet.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.api.support.ApiProperties;
import java.time.Duration;
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

    private final JsonBodyReader reader = new JsonBodyReader(JSON, ApiProperties.forTests());

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"from_account\":\"alice\",\"to_account\":\"bob\",\"amount\":\"12.50\",\"currency\":\"USD\","
                + "\"transaction_id\":\"5e0c9b7a-3f1d-4a2b-9c8e-7d6f5a4b3c2d\"}",
        "  { \"a\" : \"\\u00e9\\n\\\"x\" }  ",
        "{}",
        "{\"amount\":12.5,\"currency\":\"USD\"}",
        "{\"amount\":null}",
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

    @ParameterizedTest
    @ValueSource(strings = {"{\"amount\":\"1\",\"amount\":\"900\"}", "{\"amount\":1,\"amount\":\"900\"}",
        "{\"a\":{\"b\":\"1\",\"b\":\"2\"}}"})
    void shouldRefuseANameGivenTwiceRatherThanPickOneValue(final String body) {
        assertThat(rule(read(body))).isEqualTo("duplicate_name");
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
}
