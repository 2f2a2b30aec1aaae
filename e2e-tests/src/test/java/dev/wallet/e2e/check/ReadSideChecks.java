package dev.wallet.e2e.check;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What an analyst checks in PostgreSQL, with plain SQL over the read side's tables. */
public final class ReadSideChecks {

    private final String jdbcUrl;

    public ReadSideChecks(final String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** account_id → balance in minor units, as the read side shows. */
    public Map<String, Long> balances() {
        final Map<String, Long> balances = new HashMap<>();
        query("SELECT account_id, balance_minor FROM accounts", rs -> balances.put(rs.getString(1), rs.getLong(2)));
        return balances;
    }

    /** account_id → last projected sequence. */
    public Map<String, Long> sequences() {
        final Map<String, Long> sequences = new HashMap<>();
        query("SELECT account_id, sequence FROM accounts", rs -> sequences.put(rs.getString(1), rs.getLong(2)));
        return sequences;
    }

    /** currency → sum of every account's balance; double entry makes each zero at rest. */
    public Map<String, Long> sumsByCurrency() {
        final Map<String, Long> sums = new HashMap<>();
        query("SELECT currency, SUM(balance_minor) FROM accounts GROUP BY currency",
                rs -> sums.put(rs.getString(1), rs.getLong(2)));
        return sums;
    }

    /** Ledger entries of user accounts whose balance after was negative: must be none, ever. */
    public List<String> negativeUserBalances() {
        final List<String> rows = new ArrayList<>();
        query("SELECT l.account_id, l.sequence, l.balance_after_minor FROM ledger_entries l"
                        + " JOIN accounts a ON a.account_id = l.account_id"
                        + " WHERE a.account_type = 'USER' AND l.balance_after_minor < 0",
                rs -> rows.add(rs.getString(1) + "#" + rs.getLong(2) + "=" + rs.getLong(3)));
        return rows;
    }

    /** Accounts whose ledger rows are not exactly sequences 1..n. */
    public List<String> ledgerGaps() {
        final List<String> rows = new ArrayList<>();
        query("SELECT account_id, COUNT(*), MAX(sequence) FROM ledger_entries GROUP BY account_id"
                        + " HAVING COUNT(*) <> MAX(sequence) OR MIN(sequence) <> 1",
                rs -> rows.add(rs.getString(1) + " count " + rs.getLong(2) + " max " + rs.getLong(3)));
        return rows;
    }

    /** transaction_id → phase, for the given transactions that the read side knows. */
    public Map<String, String> phases() {
        final Map<String, String> phases = new HashMap<>();
        query("SELECT transaction_id, phase FROM transfers", rs -> phases.put(rs.getString(1), rs.getString(2)));
        return phases;
    }

    /** Kinds of the ledger entries of one transaction, as the read side shows them (DEBITED, REFUNDED, ...). */
    public List<String> ledgerKinds(final String transactionId) {
        final List<String> kinds = new ArrayList<>();
        query("SELECT kind FROM ledger_entries WHERE transaction_id = '" + transactionId.replace("'", "''")
                + "' ORDER BY account_id, sequence", rs -> kinds.add(rs.getString(1)));
        return kinds;
    }

    /**
     * Transfers whose ledger entries do not match their outcome: a completed one needs exactly one
     * debit and one credit of its amount; a failed one no debit, or a debit and a refund.
     */
    public List<String> transfersNotMatchingTheLedger() {
        final List<String> rows = new ArrayList<>();
        query("""
                SELECT t.transaction_id, t.phase,
                       COUNT(*) FILTER (WHERE l.kind = 'DEBITED'  AND l.amount_minor = -t.amount_minor) AS debits,
                       COUNT(*) FILTER (WHERE l.kind = 'CREDITED' AND l.amount_minor =  t.amount_minor) AS credits,
                       COUNT(*) FILTER (WHERE l.kind = 'REFUNDED' AND l.amount_minor =  t.amount_minor) AS refunds
                  FROM transfers t LEFT JOIN ledger_entries l ON l.transaction_id = t.transaction_id
                 GROUP BY t.transaction_id, t.phase
                HAVING NOT ((t.phase = 'COMPLETED'
                             AND COUNT(*) FILTER (WHERE l.kind = 'DEBITED'  AND l.amount_minor = -t.amount_minor) = 1
                             AND COUNT(*) FILTER (WHERE l.kind = 'CREDITED' AND l.amount_minor =  t.amount_minor) = 1
                             AND COUNT(*) FILTER (WHERE l.kind = 'REFUNDED') = 0)
                         OR (t.phase = 'FAILED'
                             AND COUNT(*) FILTER (WHERE l.kind = 'CREDITED') = 0
                             AND COUNT(*) FILTER (WHERE l.kind = 'DEBITED')
                                 = COUNT(*) FILTER (WHERE l.kind = 'REFUNDED')
                             AND COUNT(*) FILTER (WHERE l.kind = 'DEBITED') <= 1))
                """, rs -> rows.add(rs.getString(1) + " " + rs.getString(2) + " debits=" + rs.getLong(3)
                + " credits=" + rs.getLong(4) + " refunds=" + rs.getLong(5)));
        return rows;
    }

    private interface RowHandler {
        void handle(ResultSet row) throws SQLException;
    }

    private void query(final String sql, final RowHandler handler) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                handler.handle(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }
}
