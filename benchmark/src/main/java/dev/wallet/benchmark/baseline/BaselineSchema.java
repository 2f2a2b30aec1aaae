package dev.wallet.benchmark.baseline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** The baseline's tables: one row per account, one row per committed transfer. */
final class BaselineSchema {

    private BaselineSchema() {
    }

    static void create(final Connection connection, final int accounts, final long openingBalanceMinor)
            throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS transfers, accounts");
            ddl.execute("CREATE TABLE accounts (id bigint PRIMARY KEY, balance bigint NOT NULL)");
            ddl.execute("CREATE TABLE transfers (id uuid PRIMARY KEY, from_account bigint NOT NULL,"
                    + " to_account bigint NOT NULL, amount bigint NOT NULL,"
                    + " created_at timestamptz NOT NULL DEFAULT now())");
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO accounts (id, balance) SELECT g, ? FROM generate_series(0, ? - 1) g")) {
            insert.setLong(1, openingBalanceMinor);
            insert.setInt(2, accounts);
            insert.executeUpdate();
        }
        try (Statement analyze = connection.createStatement()) {
            analyze.execute("VACUUM ANALYZE accounts");
        }
    }

    /** Σ balance and the number of negative balances. */
    static long[] totals(final Connection connection) throws SQLException {
        try (Statement query = connection.createStatement();
             var rows = query.executeQuery("SELECT coalesce(sum(balance), 0), count(*) FILTER (WHERE balance < 0)"
                     + " FROM accounts")) {
            rows.next();
            return new long[] {rows.getLong(1), rows.getLong(2)};
        }
    }
}
