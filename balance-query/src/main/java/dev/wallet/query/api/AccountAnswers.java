package dev.wallet.query.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wallet.schemas.money.MinorUnits;
import java.time.Instant;
import java.util.List;

/** The JSON answers about accounts; amounts are decimal strings in the account's currency. */
final class AccountAnswers {

    private AccountAnswers() {
    }

    /** {@code GET /v1/wallet/accounts/{id}}. */
    record AccountAnswer(
            @JsonProperty("account_id") String accountId,
            @JsonProperty("currency") String currency,
            @JsonProperty("type") String type,
            @JsonProperty("balance") String balance,
            @JsonProperty("sequence") long sequence,
            @JsonProperty("updated_at") String updatedAt,
            @JsonProperty("read_side") ReadSide readSide) {

        static AccountAnswer of(final ReadModel.Account account, final ReadSide readSide) {
            // "user" / "system", as the write API spells them; the table keeps the enum names.
            final String type = account.type() == null ? null : account.type().toLowerCase(java.util.Locale.ROOT);
            return new AccountAnswer(account.accountId(), account.currency(), type,
                    MinorUnits.toDecimalString(account.balanceMinor(), account.currency()), account.sequence(),
                    account.updatedAt().toString(), readSide);
        }
    }

    /**
     * {@code GET /v1/wallet/accounts/{id}/balance?at=}: the balance after the newest entry at or
     * before {@code at}; sequence 0 and balance 0 when the account had no entry yet at that instant.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BalanceAnswer(
            @JsonProperty("account_id") String accountId,
            @JsonProperty("currency") String currency,
            @JsonProperty("at") String at,
            @JsonProperty("balance") String balance,
            @JsonProperty("sequence") long sequence,
            @JsonProperty("entry_occurred_at") String entryOccurredAt,
            @JsonProperty("read_side") ReadSide readSide) {

        static BalanceAnswer of(final ReadModel.Account account, final Instant at, final ReadModel.BalancePoint point,
                                final ReadSide readSide) {
            return new BalanceAnswer(account.accountId(), account.currency(), at.toString(),
                    MinorUnits.toDecimalString(point.balanceAfterMinor(), account.currency()), point.sequence(),
                    point.occurredAt() == null ? null : point.occurredAt().toString(), readSide);
        }
    }

    /**
     * One ledger entry. {@code amount} is the money moved, signed (a debit is negative, a rejection
     * moves 0); {@code requested_amount} is what the command asked for.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EntryAnswer(
            @JsonProperty("sequence") long sequence,
            @JsonProperty("transaction_id") String transactionId,
            @JsonProperty("kind") String kind,
            @JsonProperty("amount") String amount,
            @JsonProperty("requested_amount") String requestedAmount,
            @JsonProperty("balance_after") String balanceAfter,
            @JsonProperty("reason") String reason,
            @JsonProperty("occurred_at") String occurredAt) {

        static EntryAnswer of(final ReadModel.Entry entry) {
            return new EntryAnswer(entry.sequence(), entry.transactionId(), entry.kind(),
                    MinorUnits.toDecimalString(entry.amountMinor(), entry.currency()),
                    MinorUnits.toDecimalString(entry.requestedMinor(), entry.currency()),
                    MinorUnits.toDecimalString(entry.balanceAfterMinor(), entry.currency()),
                    entry.reason(), entry.occurredAt().toString());
        }
    }

    /**
     * {@code GET /v1/wallet/accounts/{id}/entries}: ascending by sequence; {@code next_after_sequence}
     * is the {@code after_sequence} of the next page, null when this page was not full.
     */
    record EntriesAnswer(
            @JsonProperty("account_id") String accountId,
            @JsonProperty("entries") List<EntryAnswer> entries,
            @JsonProperty("next_after_sequence") Long nextAfterSequence,
            @JsonProperty("read_side") ReadSide readSide) {
    }
}
