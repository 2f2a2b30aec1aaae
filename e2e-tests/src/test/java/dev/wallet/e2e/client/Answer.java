package dev.wallet.e2e.client;

import com.fasterxml.jackson.databind.JsonNode;

/** An HTTP answer: status, JSON body (a missing node when the body is empty) and headers of interest. */
public record Answer(int status, JsonNode body, String contentType, String location) {

    /** The text of a top-level field, or null. */
    public String text(final String field) {
        final JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
