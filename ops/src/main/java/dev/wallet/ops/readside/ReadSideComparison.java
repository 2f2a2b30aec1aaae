package dev.wallet.ops.readside;

import dev.wallet.ops.audit.Findings;
import dev.wallet.ops.audit.Violation.Rule;
import dev.wallet.ops.ledger.AccountHistory;
import dev.wallet.ops.ledger.LedgerFold;
import dev.wallet.ops.ledger.TransferOutcomes;
import dev.wallet.ops.ledger.TransferState;
import dev.wallet.query.projection.LedgerRow;
import dev.wallet.schemas.avro.TransferPhase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.TopicPartition;

/**
 * Compares the read side in one PostgreSQL schema with the folded ledger and transfers of a
 * snapshot: accounts (balance, sequence, currency, type), every ledger entry, every transfer's
 * phase. The read side is eventually consistent, so it is first given a bounded wait to project
 * the snapshot ({@code projection_progress} at or past the snapshot's end offsets). When it is
 * exactly at the snapshot, anything it holds beyond the ledger is a mismatch; when it has projected
 * further (the live projector carries on), rows newer than the snapshot are counted, not judged.
 */
public final class ReadSideComparison {

    private static final Duration PROGRESS_POLL = Duration.ofMillis(500);

    private final Connection connection;
    private final String schema;
    private final Findings findings;
    private boolean strict;
    private long beyondSnapshot;
    private long rowsCompared;

    /** @param schema the PostgreSQL schema holding the read model (the live one is {@code public}) */
    public ReadSideComparison(final Connection connection, final String schema, final Findings findings) {
        this.connection = connection;
        this.schema = schema;
        this.findings = findings;
    }

    /**
     * Waits up to {@code wait} for the read side to reach the snapshots, then compares; a read side
     * still behind is reported as such and not compared row by row.
     */
    public void compare(final Map<TopicPartition, Long> recordEnds, final LedgerFold ledger,
                        final TransferOutcomes transfers, final Duration wait) throws SQLException, InterruptedException {
        final Map<TopicPartition, Long> behind = awaitProgress(recordEnds, wait);
        if (!behind.isEmpty()) {
            behind.forEach((partition, next) -> findings.add(Rule.READ_SIDE_BEHIND, "partition " + partition,
                    table("projection_progress"), "projected up to offset " + next + ", the snapshot's records end at "
                            + recordEnds.get(partition) + " (waited " + wait + ")"));
            return;
        }
        // One snapshot of the database (REPEATABLE READ) for the progress and every table: a live
        // projector committing between two reads would otherwise add rows the strictness decision
        // did not see. The transaction also lets the ledger query stream through a cursor.
        final boolean autoCommit = connection.getAutoCommit();
        final int isolation = connection.getTransactionIsolation();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            strict = isExact(progress(), recordEnds);
            compareAccounts(ledger);
            compareEntries(ledger);
            compareTransfers(transfers);
        } finally {
            connection.rollback(); // it only read
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }

    /** True when the read side projected nothing past the snapshot's records. */
    private static boolean isExact(final Map<TopicPartition, Long> progress, final Map<TopicPartition, Long> recordEnds) {
        boolean exact = true;
        for (final Map.Entry<TopicPartition, Long> next : progress.entrySet()) {
            exact &= next.getValue() <= recordEnds.getOrDefault(next.getKey(), 0L);
        }
        return exact;
    }

    /**
     * Waits until the read side projected every record of the snapshot; returns the partitions
     * still behind (empty when caught up).
     *
     * @param recordEnds per partition, the offset after the snapshot's last record
     */
    private Map<TopicPartition, Long> awaitProgress(final Map<TopicPartition, Long> recordEnds, final Duration wait)
            throws SQLException, InterruptedException {
        final long deadlineNs = System.nanoTime() + wait.toNanos();
        while (true) {
            final Map<TopicPartition, Long> progress = progress();
            final Map<TopicPartition, Long> behind = new HashMap<>();
            for (final Map.Entry<TopicPartition, Long> end : recordEnds.entrySet()) {
                final long next = progress.getOrDefault(end.getKey(), 0L);
                if (next < end.getValue()) {
                    behind.put(end.getKey(), next);
                }
            }
            if (behind.isEmpty() || System.nanoTime() > deadlineNs) {
                return behind;
            }
            Thread.sleep(PROGRESS_POLL.toMillis());
        }
    }

    /** The read side's next offset per topic partition. */
    public Map<TopicPartition, Long> progress() throws SQLException {
        final Map<TopicPartition, Long> progress = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT topic, kafka_partition, next_offset FROM " + table("projection_progress"));
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                progress.put(new TopicPartition(rows.getString(1), rows.getInt(2)), rows.getLong(3));
            }
        }
        return progress;
    }

    private void compareAccounts(final LedgerFold ledger) throws SQLException {
        final Map<String, Boolean> seen = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT account_id, currency, account_type, "
                + "balance_minor, sequence FROM " + table("accounts"));
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                rowsCompared++;
                final String accountId = rows.getString(1);
                final AccountHistory account = ledger.accounts().get(accountId);
                seen.put(accountId, true);
                if (account == null) {
                    extra("account " + accountId, table("accounts"), "an account the ledger does not hold");
                    continue;
                }
                final long sequence = rows.getLong(5);
                if (sequence > account.sequence() && !strict) {
                    beyondSnapshot++;
                    continue;
                }
                final LedgerRow last = account.last();
                final String expected = describe(account.currency(), account.accountType(), last.balanceAfterMinor(),
                        account.sequence());
                final String found = describe(rows.getString(2), rows.getString(3), rows.getLong(4), sequence);
                if (!expected.equals(found)) {
                    mismatch("account " + accountId, table("accounts"), "read side " + found + ", ledger " + expected
                            + " (" + account.lastWhere() + ")");
                }
            }
        }
        for (final AccountHistory account : ledger.accounts().values()) {
            if (!seen.containsKey(account.accountId())) {
                mismatch("account " + account.accountId(), table("accounts"), "missing; the ledger holds it up to "
                        + "sequence " + account.sequence() + " (" + account.lastWhere() + ")");
            }
        }
    }

    private static String describe(final String currency, final String type, final long balanceMinor,
                                   final long sequence) {
        return "{currency " + (currency == null ? null : currency.trim()) + ", type " + type + ", balance "
                + balanceMinor + ", sequence " + sequence + "}";
    }

    private void compareEntries(final LedgerFold ledger) throws SQLException {
        final Map<String, Integer> matched = new HashMap<>();
        // Runs inside compare()'s transaction, which a cursor (fetch size) needs: the ledger can be far
        // larger than memory allows at once.
        try (PreparedStatement statement = connection.prepareStatement("SELECT account_id, sequence, transaction_id, "
                + "step, kind, amount_minor, requested_minor, balance_after_minor, currency, reason, occurred_at FROM "
                + table("ledger_entries"))) {
            statement.setFetchSize(10_000);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    rowsCompared++;
                    compareEntry(ledger, rows, matched);
                }
            }
        }
        for (final AccountHistory account : ledger.accounts().values()) {
            final int found = matched.getOrDefault(account.accountId(), 0);
            if (found != account.entries().size()) {
                mismatch("account " + account.accountId(), table("ledger_entries"), (account.entries().size() - found)
                        + " of the ledger's " + account.entries().size() + " entries missing or different");
            }
        }
    }

    private void compareEntry(final LedgerFold ledger, final ResultSet rows, final Map<String, Integer> matched)
            throws SQLException {
        final String accountId = rows.getString(1);
        final long sequence = rows.getLong(2);
        final AccountHistory account = ledger.accounts().get(accountId);
        final LedgerRow expected = account == null ? null : account.at(sequence);
        if (expected == null) {
            if (account != null && sequence > account.sequence() && !strict) {
                beyondSnapshot++;
            } else {
                extra("account " + accountId, table("ledger_entries"), "entry at sequence " + sequence
                        + " the ledger does not hold");
            }
            return;
        }
        final Timestamp occurredAt = rows.getTimestamp(11);
        final boolean same = Objects.equals(expected.transactionId(), rows.getString(3))
                && expected.step().equals(rows.getString(4))
                && expected.kind().name().equals(rows.getString(5))
                && expected.amountMinor() == rows.getLong(6)
                && expected.requestedMinor() == rows.getLong(7)
                && expected.balanceAfterMinor() == rows.getLong(8)
                && expected.currency().equals(rows.getString(9).trim())
                && Objects.equals(expected.reason(), rows.getString(10))
                && occurredAt.getTime() == expected.occurredAtMs();
        if (same) {
            matched.merge(accountId, 1, Integer::sum);
        } else {
            mismatch("account " + accountId, table("ledger_entries"), "entry at sequence " + sequence + " is "
                    + rows.getString(5) + " " + rows.getLong(6) + " balance_after " + rows.getLong(8) + " tx "
                    + rows.getString(3) + "; the ledger says " + expected.kind() + " " + expected.amountMinor()
                    + " balance_after " + expected.balanceAfterMinor() + " tx " + expected.transactionId());
        }
    }

    private void compareTransfers(final TransferOutcomes transfers) throws SQLException {
        final Map<String, Boolean> seen = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT transaction_id, phase, from_account, "
                + "to_account, amount_minor, currency FROM " + table("transfers"))) {
            statement.setFetchSize(10_000);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    rowsCompared++;
                    final String transactionId = rows.getString(1);
                    final TransferState expected = transfers.transfers().get(transactionId);
                    seen.put(transactionId, true);
                    if (expected == null) {
                        if (transfers.knownOnlyFromDuplicates(transactionId)) {
                            continue;
                        }
                        extra("transaction " + transactionId, table("transfers"), "a transfer no transfer event knows");
                        continue;
                    }
                    final String found = rows.getString(2) + " " + rows.getString(3) + " -> " + rows.getString(4)
                            + " " + rows.getLong(5) + " " + rows.getString(6).trim();
                    final String wanted = expected.phase() + " " + expected.fromAccount() + " -> "
                            + expected.toAccount() + " " + expected.amountMinor() + " " + expected.currency();
                    if (found.equals(wanted)) {
                        continue;
                    }
                    final int foundRank = TransferState.rankOf(TransferPhase.valueOf(rows.getString(2)));
                    if (!strict && foundRank > TransferState.rankOf(expected.phase())) {
                        beyondSnapshot++;
                        continue;
                    }
                    mismatch("transaction " + transactionId, table("transfers"), "read side " + found
                            + ", transfer events " + wanted + " (" + expected.where() + ")");
                }
            }
        }
        for (final TransferState transfer : transfers.transfers().values()) {
            if (!seen.containsKey(transfer.transactionId())) {
                mismatch("transaction " + transfer.transactionId(), table("transfers"), "missing; "
                        + transfer.phase() + " at " + transfer.where());
            }
        }
    }

    /** A row the snapshot does not explain: a mismatch when the read side is exactly at the snapshot. */
    private void extra(final String subject, final String where, final String detail) {
        if (strict) {
            mismatch(subject, where, detail);
        } else {
            beyondSnapshot++;
        }
    }

    private void mismatch(final String subject, final String where, final String detail) {
        findings.add(Rule.READ_SIDE_MISMATCH, subject, where, detail);
    }

    private String table(final String name) {
        return "\"" + schema.replace("\"", "\"\"") + "\"." + name;
    }

    /** Whether the read side was exactly at the snapshot, so that extra rows counted as mismatches. */
    public boolean strict() {
        return strict;
    }

    /** Rows newer than the snapshot (the live projector carried on), counted and not judged. */
    public long beyondSnapshot() {
        return beyondSnapshot;
    }

    public long rowsCompared() {
        return rowsCompared;
    }
}
