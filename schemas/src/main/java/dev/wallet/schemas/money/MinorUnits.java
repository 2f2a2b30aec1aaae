package dev.wallet.schemas.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * Conversion between decimal strings (the HTTP edge only) and {@code long} minor units (everywhere
 * inside). The scale comes from the currency; a string with more decimals than the currency has is
 * refused, never rounded.
 */
public final class MinorUnits {

    private MinorUnits() {
    }

    /** The ISO 4217 currency for {@code code}, or null when it is not a known code. */
    public static Currency currencyOrNull(final String code) {
        if (code == null || code.length() != 3 || !code.equals(code.toUpperCase(java.util.Locale.ROOT))) {
            return null;
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Digits after the decimal point of {@code currency}; 0 for currencies that have no minor unit
     * and for pseudo-currencies (which report -1).
     */
    public static int scale(final Currency currency) {
        return Math.max(0, currency.getDefaultFractionDigits());
    }

    /**
     * The exact minor-unit value of {@code amount} in {@code currency}.
     *
     * @throws ArithmeticException when the amount has more decimals than the currency allows or
     *                             does not fit in a long
     */
    public static long toMinor(final BigDecimal amount, final Currency currency) {
        // setScale with UNNECESSARY throws instead of rounding, which is the rule.
        return amount.setScale(scale(currency), RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    }

    /** The decimal string of {@code amountMinor} in {@code currency}, e.g. 1250 USD is "12.50". */
    public static String toDecimalString(final long amountMinor, final Currency currency) {
        return BigDecimal.valueOf(amountMinor, scale(currency)).toPlainString();
    }

    /** As {@link #toDecimalString(long, Currency)} for a currency code known to be valid. */
    public static String toDecimalString(final long amountMinor, final String currencyCode) {
        return toDecimalString(amountMinor, Currency.getInstance(currencyCode));
    }
}
