package dev.wallet.schemas.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MinorUnitsTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency BHD = Currency.getInstance("BHD");

    @Test
    void shouldConvertDollarsToCents() {
        assertThat(MinorUnits.toMinor(new BigDecimal("12.50"), USD)).isEqualTo(1_250);
        assertThat(MinorUnits.toMinor(new BigDecimal("12.5"), USD)).isEqualTo(1_250);
        assertThat(MinorUnits.toMinor(new BigDecimal("12"), USD)).isEqualTo(1_200);
    }

    @Test
    void shouldUseTheScaleOfTheCurrency() {
        assertThat(MinorUnits.toMinor(new BigDecimal("1000"), JPY)).isEqualTo(1_000);
        assertThat(MinorUnits.toMinor(new BigDecimal("1.234"), BHD)).isEqualTo(1_234);
    }

    @Test
    void shouldRefuseMoreDecimalsThanTheCurrencyHasInsteadOfRounding() {
        assertThatThrownBy(() -> MinorUnits.toMinor(new BigDecimal("12.345"), USD))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> MinorUnits.toMinor(new BigDecimal("1.5"), JPY))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void shouldRefuseAnAmountBeyondLong() {
        assertThatThrownBy(() -> MinorUnits.toMinor(new BigDecimal("92233720368547758.08"), USD))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void shouldFormatMinorUnitsAsADecimalString() {
        assertThat(MinorUnits.toDecimalString(1_250, USD)).isEqualTo("12.50");
        assertThat(MinorUnits.toDecimalString(-5, USD)).isEqualTo("-0.05");
        assertThat(MinorUnits.toDecimalString(1_000, JPY)).isEqualTo("1000");
        assertThat(MinorUnits.toDecimalString(Long.MAX_VALUE, "USD")).isEqualTo("92233720368547758.07");
    }

    @Test
    void shouldKnowOnlyIso4217Codes() {
        assertThat(MinorUnits.currencyOrNull("EUR")).isEqualTo(Currency.getInstance("EUR"));
        assertThat(MinorUnits.currencyOrNull("eur")).isNull();
        assertThat(MinorUnits.currencyOrNull("ZZZ")).isNull();
        assertThat(MinorUnits.currencyOrNull("EURO")).isNull();
        assertThat(MinorUnits.currencyOrNull(null)).isNull();
    }
}
