package dev.wallet.account.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SupportedCurrenciesTest {

    @ParameterizedTest
    @ValueSource(strings = {"USD", "EUR", "JPY", "BHD"})
    void shouldSupportIsoCurrenciesWithMinorUnits(final String code) {
        assertThat(SupportedCurrencies.isSupported(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"XAU", "XXX", "usd", "ABC", "", "EURO"})
    void shouldRefusePseudoCurrenciesAndUnknownCodes(final String code) {
        assertThat(SupportedCurrencies.isSupported(code)).isFalse();
    }
}
