package dev.wallet.account.ledger;

import dev.wallet.schemas.money.MinorUnits;
import java.util.Currency;

/**
 * Which currencies an account can be opened in: every ISO 4217 code the JDK knows that has a minor
 * unit scale. Pseudo-currencies without one (XAU gold, XDR, XXX "no currency") are not money a
 * wallet can hold in integer minor units, so they are refused.
 */
public final class SupportedCurrencies {

    private SupportedCurrencies() {
    }

    /** Whether an account can be opened in {@code code}. */
    public static boolean isSupported(final String code) {
        final Currency currency = MinorUnits.currencyOrNull(code);
        return currency != null && currency.getDefaultFractionDigits() >= 0;
    }
}
