package dev.wallet.api.transfer;

import java.nio.charset.StandardCharsets;

/**
 * Writes a {@link TransferAnswer} as the bytes Jackson would write for it
 * ({@code {"status":...,"transaction_id":...,"reason":...}}, reason left out when null), without a
 * serializer lookup per request: every transfer answer is one of these, so the hot path skips
 * Jackson and content-negotiated encoding.
 *
 * <p>Safe without escaping because every value is checked to be plain: the status is a fixed word,
 * the transaction_id a validated lower-case UUID, the reason an enum name. A value that would need
 * escaping is a broken invariant and fails fast.
 */
final class TransferAnswerJson {

    private TransferAnswerJson() {
    }

    /** The JSON of {@code answer}, UTF-8. */
    static byte[] bytes(final TransferAnswer answer) {
        final StringBuilder json = new StringBuilder(96)
                .append("{\"status\":\"").append(plain(answer.status()))
                .append("\",\"transaction_id\":\"").append(plain(answer.transactionId()));
        if (answer.reason() != null) {
            json.append("\",\"reason\":\"").append(plain(answer.reason()));
        }
        return json.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String plain(final String value) {
        for (int i = 0; i < value.length(); i++) {
            final char c = value.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || c > 0x7e) {
                throw new IllegalArgumentException("not a plain JSON string value: " + value);
            }
        }
        return value;
    }
}
