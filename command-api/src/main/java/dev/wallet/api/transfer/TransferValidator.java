package dev.wallet.api.transfer;

import dev.wallet.api.config.CommandApiProperties;
import dev.wallet.api.http.FieldRules;
import dev.wallet.api.http.Validated;
import dev.wallet.api.http.Violation;
import dev.wallet.schemas.money.MinorUnits;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The input rules of {@code POST /v1/wallet/balance_transfer}. Rule names: {@code required},
 * {@code string}, {@code account_id}, {@code positive_decimal}, {@code currency_scale},
 * {@code maximum}, {@code iso_4217}, {@code uuid}, {@code different_accounts}.
 */
@Component
public final class TransferValidator {

    /** Digits, optionally a point and more digits: no sign, exponent, spaces or grouping. */
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,30}(\\.[0-9]{1,30})?");

    private final CommandApiProperties properties;

    /** A validator with the configured amount limits. */
    public TransferValidator(final CommandApiProperties properties) {
        this.properties = properties;
    }

    /** The valid transfer, or every rule the body broke. */
    public Validated<ValidTransfer> validate(final JsonNode body) {
        final List<Violation> violations = new ArrayList<>();
        final String transactionId = FieldRules.uuid(body, "transaction_id", violations);
        final String from = FieldRules.accountId(body, "from_account", violations);
        final String to = FieldRules.accountId(body, "to_account", violations);
        final Currency currency = FieldRules.currency(body, "currency", violations);
        final String amountText = FieldRules.requiredString(body, "amount", violations);
        final BigDecimal amount = amountText == null ? null : positiveDecimal(amountText, violations);
        final long amountMinor = amount == null || currency == null ? 0 : minorWithinLimit(amount, currency, violations);
        if (from != null && from.equals(to)) {
            violations.add(new Violation("to_account", "different_accounts",
                    "to_account must differ from from_account"));
        }
        if (!violations.isEmpty()) {
            return new Validated.Invalid<>(violations);
        }
        return new Validated.Valid<>(new ValidTransfer(transactionId, from, to, amountMinor, currency.getCurrencyCode()));
    }

    private static BigDecimal positiveDecimal(final String text, final List<Violation> violations) {
        if (!DECIMAL.matcher(text).matches()) {
            violations.add(new Violation("amount", "positive_decimal",
                    "the amount must be a positive decimal string such as \"12.50\""));
            return null;
        }
        final BigDecimal amount = new BigDecimal(text);
        if (amount.signum() <= 0) {
            violations.add(new Violation("amount", "positive_decimal", "the amount must be greater than zero"));
            return null;
        }
        return amount;
    }

    private long minorWithinLimit(final BigDecimal amount, final Currency currency, final List<Violation> violations) {
        final int scale = MinorUnits.scale(currency);
        if (amount.stripTrailingZeros().scale() > scale) {
            violations.add(new Violation("amount", "currency_scale", currency.getCurrencyCode() + " allows "
                    + scale + " decimal places; the amount is not rounded"));
            return 0;
        }
        final long maxMinor = properties.maxAmountMinorFor(currency.getCurrencyCode());
        final BigDecimal minor = amount.movePointRight(scale);
        if (minor.compareTo(BigDecimal.valueOf(maxMinor)) > 0) {
            violations.add(new Violation("amount", "maximum", "the amount is above the maximum of "
                    + MinorUnits.toDecimalString(maxMinor, currency) + " " + currency.getCurrencyCode()));
            return 0;
        }
        return MinorUnits.toMinor(amount, currency);
    }
}
