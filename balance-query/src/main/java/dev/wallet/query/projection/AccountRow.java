package dev.wallet.query.projection;

/**
 * The newest state of one account within a batch: the upsert into {@code accounts}.
 *
 * @param accountType  null unless the batch holds the account's AccountOpened
 * @param openedAtMs   null unless the batch holds the account's AccountOpened
 */
public record AccountRow(String accountId, String currency, String accountType, long balanceMinor,
                         long sequence, Long openedAtMs, long updatedAtMs) {
}
