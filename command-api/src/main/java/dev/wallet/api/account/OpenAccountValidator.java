package dev.wallet.api.account;

import dev.wallet.api.http.FieldRules;
import dev.wallet.api.http.Validated;
import dev.wallet.api.http.Violation;
import dev.wallet.schemas.avro.AccountType;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The input rules of {@code POST /v1/wallet/accounts}: {@code account_id} (rule
 * {@code account_id}), {@code currency} ({@code iso_4217}) and {@code type}, which is
 * {@code "user"} or {@code "system"} (rule {@code account_type}).
 */
@Component
public final class OpenAccountValidator {

    /** The valid request, or every rule the body broke. */
    public Validated<ValidOpenAccount> validate(final JsonNode body) {
        final List<Violation> violations = new ArrayList<>();
        final String accountId = FieldRules.accountId(body, "account_id", violations);
        final Currency currency = FieldRules.currency(body, "currency", violations);
        final AccountType type = type(body, violations);
        if (!violations.isEmpty()) {
            return new Validated.Invalid<>(violations);
        }
        return new Validated.Valid<>(new ValidOpenAccount(accountId, currency.getCurrencyCode(), type));
    }

    private static AccountType type(final JsonNode body, final List<Violation> violations) {
        final String text = FieldRules.requiredString(body, "type", violations);
        if (text == null) {
            return null;
        }
        if ("user".equals(text)) {
            return AccountType.USER;
        }
        if ("system".equals(text)) {
            return AccountType.SYSTEM;
        }
        violations.add(new Violation("type", "account_type", "the type must be \"user\" or \"system\""));
        return null;
    }
}
