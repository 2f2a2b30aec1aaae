package dev.wallet.api.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * The JSON answer of an account-open request.
 *
 * @param accountId the account
 * @param currency  ISO 4217 code
 * @param type      user or system
 * @param status    opened (201), exists (200) or pending (202)
 */
public record AccountAnswer(
        @JsonProperty("account_id") String accountId,
        @JsonProperty("currency") String currency,
        @JsonProperty("type") String type,
        @JsonProperty("status") String status) {

    /** The answer for {@code account} with {@code status}. */
    public static AccountAnswer of(final ValidOpenAccount account, final String status) {
        return new AccountAnswer(account.accountId(), account.currency(),
                account.type().name().toLowerCase(Locale.ROOT), status);
    }
}
