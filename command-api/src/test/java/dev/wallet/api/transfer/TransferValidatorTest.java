package dev.wallet.api.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.api.config.CommandApiProperties;
import dev.wallet.api.http.Validated;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class TransferValidatorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TransferValidator validator = new TransferValidator(properties(Map.of("JPY", 500L)));

    @Test
    void shouldConvertDecimalStringToMinorUnits() {
        final Validated<ValidTransfer> result = validate("alice", "bob", "12.50", "USD");

        assertThat(result).isEqualTo(new Validated.Valid<>(new ValidTransfer(
                "5e0c9b7a-3f1d-4a2b-9c8e-7d6f5a4b3c2d", "alice", "bob", 1250, "USD")));
    }

    @Test
    void shouldAcceptTrailingZerosBeyondTheCurrencyScale() {
        final Validated<ValidTransfer> result = validate("alice", "bob", "12.500", "USD");

        assertThat(((Validated.Valid<ValidTransfer>) result).value().amountMinor()).isEqualTo(1250);
    }

    @Test
    void shouldApplyPerCurrencyMaximum() {
        final Validated<ValidTransfer> result = validate("alice", "bob", "501", "JPY");

        assertThat(((Validated.Invalid<ValidTransfer>) result).violations())
                .extracting(v -> v.field() + "/" + v.rule()).containsExactly("amount/maximum");
    }

    @Test
    void shouldLowerCaseTheTransactionId() {
        final Validated<ValidTransfer> result = validator.validate(JSON.readTree("{\"from_account\": \"a\", "
                + "\"to_account\": \"b\", \"amount\": \"1\", \"currency\": \"USD\", "
                + "\"transaction_id\": \"5E0C9B7A-3F1D-4A2B-9C8E-7D6F5A4B3C2D\"}"));

        assertThat(((Validated.Valid<ValidTransfer>) result).value().transactionId())
                .isEqualTo("5e0c9b7a-3f1d-4a2b-9c8e-7d6f5a4b3c2d");
    }

    @Test
    void shouldReportEveryBrokenRule() {
        final Validated<ValidTransfer> result = validator.validate(JSON.readTree("{\"amount\": 5}"));

        assertThat(((Validated.Invalid<ValidTransfer>) result).violations())
                .extracting(v -> v.field() + "/" + v.rule())
                .containsExactlyInAnyOrder("transaction_id/required", "from_account/required", "to_account/required",
                        "currency/required", "amount/string");
    }

    private Validated<ValidTransfer> validate(final String from, final String to, final String amount,
                                              final String currency) {
        return validator.validate(JSON.readTree("{\"from_account\": \"" + from + "\", \"to_account\": \"" + to
                + "\", \"amount\": \"" + amount + "\", \"currency\": \"" + currency
                + "\", \"transaction_id\": \"5e0c9b7a-3f1d-4a2b-9c8e-7d6f5a4b3c2d\"}"));
    }

    static CommandApiProperties properties(final Map<String, Long> maxByCurrency) {
        return new CommandApiProperties(java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(2),
                java.time.Duration.ofSeconds(30), "http://127.0.0.1:8081", 1, 4096, 100_000_000_000L, maxByCurrency,
                100, 10, java.time.Duration.ofSeconds(60), java.time.Duration.ofSeconds(2),
                java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(10), new CommandApiProperties.Kafka(1000, 2000, 3000, 5, 65536, "lz4",
                        10, 100, Map.of()));
    }
}
