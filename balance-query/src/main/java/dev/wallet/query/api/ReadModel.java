package dev.wallet.query.api;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The query side's SQL over the projected tables. */
@Component
public class ReadModel {

    /** One row of {@code accounts}; {@code type} is null until the account's AccountOpened is projected. */
    public record Account(String accountId, String currency, String type, long balanceMinor, long sequence,
                          Instant updatedAt) {
    }

    /** One row of {@code ledger_entries}. */
    public record Entry(long sequence, String transactionId, String kind, long amountMinor, long requestedMinor,
                        long balanceAfterMinor, String currency, String reason, Instant occurredAt) {
    }

    /** The newest ledger entry of an account at or before an instant. */
    public record BalancePoint(long sequence, long balanceAfterMinor, Instant occurredAt) {
    }

    /** One row of {@code transfers}. */
    public record Transfer(String transactionId, String fromAccount, String toAccount, long amountMinor,
                           String currency, String phase, String reason, Boolean refunded, Instant updatedAt) {
    }

    private final DatabaseClient db;

    public ReadModel(final DatabaseClient db) {
        this.db = db;
    }

    public Mono<Account> account(final String accountId) {
        return db.sql("""
                        SELECT account_id, currency, account_type, balance_minor, sequence, updated_at
                        FROM accounts WHERE account_id = $1""")
                .bind(0, accountId)
                .map(row -> new Account(row.get("account_id", String.class), row.get("currency", String.class),
                        row.get("account_type", String.class), longOf(row, "balance_minor"), longOf(row, "sequence"),
                        row.get("updated_at", Instant.class)))
                .one();
    }

    /** The account's projected sequence; empty when the account is not projected yet. */
    public Mono<Long> accountSequence(final String accountId) {
        return db.sql("SELECT sequence FROM accounts WHERE account_id = $1")
                .bind(0, accountId)
                .map(row -> longOf(row, "sequence"))
                .one();
    }

    public Mono<BalancePoint> balanceAt(final String accountId, final Instant at) {
        return db.sql("""
                        SELECT sequence, balance_after_minor, occurred_at FROM ledger_entries
                        WHERE account_id = $1 AND occurred_at <= $2
                        ORDER BY occurred_at DESC, sequence DESC LIMIT 1""")
                .bind(0, accountId)
                .bind(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .map(row -> new BalancePoint(longOf(row, "sequence"), longOf(row, "balance_after_minor"),
                        row.get("occurred_at", Instant.class)))
                .one();
    }

    public Flux<Entry> entries(final String accountId, final long afterSequence, final int limit) {
        return db.sql("""
                        SELECT sequence, transaction_id, kind, amount_minor, requested_minor, balance_after_minor,
                               currency, reason, occurred_at
                        FROM ledger_entries WHERE account_id = $1 AND sequence > $2
                        ORDER BY sequence LIMIT $3""")
                .bind(0, accountId)
                .bind(1, afterSequence)
                .bind(2, limit)
                .map(row -> new Entry(longOf(row, "sequence"), row.get("transaction_id", String.class),
                        row.get("kind", String.class), longOf(row, "amount_minor"), longOf(row, "requested_minor"),
                        longOf(row, "balance_after_minor"), row.get("currency", String.class),
                        row.get("reason", String.class), row.get("occurred_at", Instant.class)))
                .all();
    }

    public Mono<Transfer> transfer(final String transactionId) {
        return db.sql("""
                        SELECT transaction_id, from_account, to_account, amount_minor, currency, phase, reason,
                               refunded, updated_at
                        FROM transfers WHERE transaction_id = $1""")
                .bind(0, transactionId)
                .map(row -> new Transfer(row.get("transaction_id", String.class),
                        row.get("from_account", String.class), row.get("to_account", String.class),
                        longOf(row, "amount_minor"), row.get("currency", String.class),
                        row.get("phase", String.class), row.get("reason", String.class),
                        row.get("refunded", Boolean.class), row.get("updated_at", Instant.class)))
                .one();
    }

    /** The newest event time projected from {@code topic}, over all its partitions. */
    public Mono<Optional<Instant>> projectedThrough(final String topic) {
        return db.sql("SELECT max(last_event_at) AS through FROM projection_progress WHERE topic = $1")
                .bind(0, topic)
                .map(row -> Optional.ofNullable(row.get("through", Instant.class)))
                .one()
                .defaultIfEmpty(Optional.empty());
    }

    private static long longOf(final Readable row, final String column) {
        final Long value = row.get(column, Long.class);
        if (value == null) {
            throw new IllegalStateException("column " + column + " is NOT NULL but read null");
        }
        return value;
    }
}
