package dev.wallet.api.account;

import dev.wallet.schemas.avro.AccountType;

/**
 * An account-open request that passed every input rule.
 *
 * @param accountId the account to open
 * @param currency  ISO 4217 code
 * @param type      USER or SYSTEM
 */
public record ValidOpenAccount(String accountId, String currency, AccountType type) {
}
