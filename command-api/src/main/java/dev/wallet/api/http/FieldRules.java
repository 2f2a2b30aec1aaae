package dev.wallet.api.http;

import dev.wallet.schemas.money.MinorUnits;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The field rules shared by every request: each check adds a {@link Violation} to the list it is
 * given and returns the normalised value, or null when the field broke a rule.
 */
public final class FieldRules {

    /** Longest account id; ids are keys of Kafka records and database rows. */
    public static final int ACCOUNT_ID_LENGTH_MAX = 64;

    private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9._:@-]{1," + ACCOUNT_ID_LENGTH_MAX + "}");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private FieldRules() {
    }

    /** The string value of a required field; a missing, null or non-string value is a violation. */
    public static String requiredString(final JsonNode body, final String field, final List<Violation> violations) {
        final JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            violations.add(new Violation(field, "required", "the field is required"));
            return null;
        }
        if (!value.isString()) {
            violations.add(new Violation(field, "string", "the field must be a JSON string"));
            return null;
        }
        return value.stringValue();
    }

    /** An account id: 1 to 64 of letters, digits and {@code . _ : @ -}. */
    public static String accountId(final JsonNode body, final String field, final List<Violation> violations) {
        final String value = requiredString(body, field, violations);
        if (value != null && !ACCOUNT_ID.matcher(value).matches()) {
            violations.add(new Violation(field, "account_id", "an account id is 1 to " + ACCOUNT_ID_LENGTH_MAX
                    + " characters of letters, digits and . _ : @ -"));
            return null;
        }
        return value;
    }

    /** An ISO 4217 currency code in upper case. */
    public static Currency currency(final JsonNode body, final String field, final List<Violation> violations) {
        final String value = requiredString(body, field, violations);
        if (value == null) {
            return null;
        }
        final Currency currency = MinorUnits.currencyOrNull(value);
        if (currency == null) {
            violations.add(new Violation(field, "iso_4217", "'" + value + "' is not an ISO 4217 currency code"));
        }
        return currency;
    }

    /** A UUID in its canonical 8-4-4-4-12 hex form; returned in lower case, the idempotency key. */
    public static String uuid(final JsonNode body, final String field, final List<Violation> violations) {
        final String value = requiredString(body, field, violations);
        if (value == null) {
            return null;
        }
        if (!UUID_TEXT.matcher(value).matches()) {
            violations.add(new Violation(field, "uuid", "the field must be a UUID (8-4-4-4-12 hex digits)"));
            return null;
        }
        // One spelling per id: upper and lower case hex name the same transfer.
        return value.toLowerCase(Locale.ROOT);
    }

    /** True when {@code value} is a UUID in canonical form; for path variables. */
    public static boolean isUuid(final String value) {
        return value != null && UUID_TEXT.matcher(value).matches();
    }
}
