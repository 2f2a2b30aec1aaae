package dev.wallet.benchmark.baseline;

import dev.wallet.benchmark.workload.AccountPicker;
import dev.wallet.benchmark.workload.AmountDistribution;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * One JDBC client of the baseline: transfers in a closed loop, one transaction each:
 * debit the source only if it has the money ({@code balance >= amount}; no row = declined, the
 * transaction rolls back), credit the destination, insert the transfer row, commit. The two
 * updates run in account-id order so two clients never wait for each other in a cycle; the
 * transaction is the same either way.
 */
final class BaselineClient implements Runnable {

    private static final String DEBIT = "UPDATE accounts SET balance = balance - ? WHERE id = ? AND balance >= ?";
    private static final String CREDIT = "UPDATE accounts SET balance = balance + ? WHERE id = ?";
    private static final String RECORD =
            "INSERT INTO transfers (id, from_account, to_account, amount) VALUES (?, ?, ?, ?)";

    private final Connection connection;
    private final AccountPicker picker;
    private final AmountDistribution amounts;
    private final SplittableRandom random;
    private final long endNanos;
    private final long transfersMax;
    private final ConcurrentHistogram latencyMicros;
    private final LongAdder committed;
    private final LongAdder declined;
    private final LongAdder retries;

    BaselineClient(final Connection connection, final AccountPicker picker, final AmountDistribution amounts,
                   final long seed, final long endNanos, final long transfersMax, final ConcurrentHistogram latencyMicros,
                   final LongAdder committed, final LongAdder declined, final LongAdder retries) {
        this.connection = connection;
        this.picker = picker;
        this.amounts = amounts;
        this.random = new SplittableRandom(seed);
        this.endNanos = endNanos;
        this.transfersMax = transfersMax;
        this.latencyMicros = latencyMicros;
        this.committed = committed;
        this.declined = declined;
        this.retries = retries;
    }

    @Override
    public void run() {
        try (connection;
             PreparedStatement debit = connection.prepareStatement(DEBIT);
             PreparedStatement credit = connection.prepareStatement(CREDIT);
             PreparedStatement record = connection.prepareStatement(RECORD)) {
            connection.setAutoCommit(false);
            for (long done = 0; System.nanoTime() < endNanos && (transfersMax <= 0 || done < transfersMax); done++) {
                final int[] pair = picker.pickPair(random);
                final long amount = amounts.nextMinor(random);
                final long start = System.nanoTime();
                transferWithRetries(debit, credit, record, pair[0], pair[1], amount);
                latencyMicros.recordValue(Math.max(0, (System.nanoTime() - start) / 1_000));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("baseline client failed: " + e.getMessage(), e);
        }
    }

    private void transferWithRetries(final PreparedStatement debit, final PreparedStatement credit,
                                     final PreparedStatement record, final long from, final long to,
                                     final long amount) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                if (transfer(debit, credit, record, from, to, amount)) {
                    committed.increment();
                } else {
                    declined.increment();
                }
                return;
            } catch (SQLException e) {
                connection.rollback();
                final boolean retryable = "40P01".equals(e.getSQLState()) || "40001".equals(e.getSQLState());
                if (!retryable || attempt >= 10) {
                    throw e;
                }
                retries.increment();
            }
        }
    }

    /** One transfer as one transaction; false (rolled back) when the source lacks the money. */
    private boolean transfer(final PreparedStatement debit, final PreparedStatement credit,
                             final PreparedStatement record, final long from, final long to, final long amount)
            throws SQLException {
        final boolean debitFirst = from < to;
        if (!debitFirst) {
            credit(credit, to, amount);
        }
        debit.setLong(1, amount);
        debit.setLong(2, from);
        debit.setLong(3, amount);
        if (debit.executeUpdate() == 0) {
            connection.rollback();
            return false;
        }
        if (debitFirst) {
            credit(credit, to, amount);
        }
        record.setObject(1, new UUID(random.nextLong(), random.nextLong()));
        record.setLong(2, from);
        record.setLong(3, to);
        record.setLong(4, amount);
        record.executeUpdate();
        connection.commit();
        return true;
    }

    private static void credit(final PreparedStatement credit, final long to, final long amount) throws SQLException {
        credit.setLong(1, amount);
        credit.setLong(2, to);
        if (credit.executeUpdate() != 1) {
            throw new IllegalStateException("credit of account " + to + " touched no row");
        }
    }
}
