package dev.wallet.api.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class TransferAnswerJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ID = "5e0c9b7a-3f1d-4a2b-9c8e-7d6f5a4b3c2d";

    @Test
    void shouldWriteSuccessAsJacksonWouldWithoutReason() {
        assertSameAsJackson(new TransferAnswer("success", ID, null));
    }

    @Test
    void shouldWriteFailedWithItsReasonAsJacksonWould() {
        assertSameAsJackson(new TransferAnswer("failed", ID, "INSUFFICIENT_FUNDS"));
    }

    @Test
    void shouldWritePendingAsJacksonWould() {
        assertSameAsJackson(new TransferAnswer("pending", ID, null));
    }

    @Test
    void shouldRefuseValueThatWouldNeedEscaping() {
        assertThatThrownBy(() -> TransferAnswerJson.bytes(new TransferAnswer("success", "a\"b", null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertSameAsJackson(final TransferAnswer answer) {
        assertThat(new String(TransferAnswerJson.bytes(answer), StandardCharsets.UTF_8))
                .isEqualTo(JSON.writeValueAsString(answer));
    }
}
