package dev.wallet.benchmark.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.benchmark.workload.PlannedTransfer;
import org.junit.jupiter.api.Test;

class HttpTransferSenderTest {

    @Test
    void shouldSendTheAmountAsADecimalStringInTheCurrencyScale() {
        final String body = HttpTransferSender.body(new PlannedTransfer(
                "6f1c0f7e-7d4a-4c3e-9a57-2b1f5d0c9e11", "a", "b", 1_205, "USD"));

        assertThat(body).isEqualTo("{\"from_account\":\"a\",\"to_account\":\"b\",\"amount\":\"12.05\","
                + "\"currency\":\"USD\",\"transaction_id\":\"6f1c0f7e-7d4a-4c3e-9a57-2b1f5d0c9e11\"}");
    }
}
