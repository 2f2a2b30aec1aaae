package dev.wallet.benchmark.baseline;

import dev.wallet.benchmark.report.BaselineResult;
import dev.wallet.benchmark.report.LatencySummary;
import dev.wallet.benchmark.report.ProcessCost;
import dev.wallet.benchmark.sample.ClockTicks;
import dev.wallet.benchmark.sample.ProcFs;
import dev.wallet.benchmark.sample.WatchedProcess;
import dev.wallet.benchmark.workload.AccountPicker;
import dev.wallet.benchmark.workload.AmountDistribution;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.HdrHistogram.ConcurrentHistogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The baseline: the same transfer workload against PostgreSQL alone. It starts its own embedded
 * PostgreSQL 17 (zonky) with durable commits (fsync, synchronous_commit and full_page_writes on)
 * in {@code dataDir}, creates {@code accounts} accounts with an opening balance, runs
 * {@code clients} JDBC clients in a closed loop for a duration (or a number of transfers each),
 * checks that money was conserved, and stops the server (also on failure).
 */
public final class PostgresBaseline {

    private static final Logger log = LoggerFactory.getLogger(PostgresBaseline.class);
    private static final List<String> DURABILITY_SETTINGS =
            List.of("fsync", "synchronous_commit", "full_page_writes", "wal_sync_method", "shared_buffers");

    /** What to run; {@code transfersPerClientMax} 0 = no bound but the duration. */
    public record Settings(int accounts, int clients, Duration duration, long transfersPerClientMax,
                           AccountPicker picker, AmountDistribution amounts, long openingBalanceMinor, long seed,
                           Path dataDir) {
    }

    private PostgresBaseline() {
    }

    public static BaselineResult run(final Settings settings) throws IOException, SQLException, InterruptedException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(settings.dataDir())
                .setCleanDataDirectory(true)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", Integer.toString(settings.clients() + 10))
                .setPGStartupWait(Duration.ofSeconds(60))
                .start()) {
            return run(postgres.getPostgresDatabase(), settings);
        }
    }

    static BaselineResult run(final DataSource database, final Settings settings)
            throws SQLException, InterruptedException {
        final String version;
        final Map<String, String> serverSettings = new LinkedHashMap<>();
        final long postmasterPid;
        try (Connection connection = database.getConnection()) {
            BaselineSchema.create(connection, settings.accounts(), settings.openingBalanceMinor());
            version = single(connection, "SHOW server_version");
            for (final String name : DURABILITY_SETTINGS) {
                serverSettings.put(name, single(connection, "SHOW " + name));
            }
            postmasterPid = Long.parseLong(single(connection,
                    "SELECT pid FROM pg_stat_activity WHERE backend_type = 'checkpointer'"));
        }
        final long expectedTotal = (long) settings.accounts() * settings.openingBalanceMinor();
        final ConcurrentHistogram latency = new ConcurrentHistogram(3_600_000_000L, 3);
        final LongAdder committed = new LongAdder();
        final LongAdder declined = new LongAdder();
        final LongAdder retries = new LongAdder();
        final ProcFs procFs = ProcFs.system();
        final WatchedProcess postgres = new WatchedProcess("postgres", parentOf(procFs, postmasterPid), true);
        final WatchedProcess self = WatchedProcess.self();
        final long postgresTicksBefore = postgres.read(procFs).map(u -> u.cpuTicks()).orElse(0L);
        final long selfTicksBefore = self.read(procFs).map(u -> u.cpuTicks()).orElse(0L);

        final List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < settings.clients(); i++) {
            connections.add(database.getConnection());
        }
        final long start = System.nanoTime();
        final long end = start + settings.duration().toNanos();
        final ExecutorService pool = Executors.newFixedThreadPool(settings.clients());
        try {
            final List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < settings.clients(); i++) {
                running.add(pool.submit(new BaselineClient(connections.get(i), settings.picker(), settings.amounts(),
                        settings.seed() + i, end, settings.transfersPerClientMax(), latency, committed, declined,
                        retries)));
            }
            for (final Future<?> client : running) {
                client.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a baseline client failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        final double seconds = (System.nanoTime() - start) / 1e9;
        final long outcomes = committed.sum() + declined.sum();
        final double ticksPerSecond = ClockTicks.perSecond();
        final Map<String, ProcessCost> processes = new LinkedHashMap<>();
        postgres.read(procFs).ifPresent(u -> processes.put("postgres",
                ProcessCost.of((u.cpuTicks() - postgresTicksBefore) / ticksPerSecond, seconds, outcomes)));
        self.read(procFs).ifPresent(u -> processes.put("load-generator",
                ProcessCost.of((u.cpuTicks() - selfTicksBefore) / ticksPerSecond, seconds, outcomes)));

        final boolean conserved;
        try (Connection connection = database.getConnection()) {
            final long[] totals = BaselineSchema.totals(connection);
            conserved = totals[0] == expectedTotal && totals[1] == 0;
            if (!conserved) {
                log.error("Baseline broke the books: sum {} (expected {}), {} negative balances",
                        totals[0], expectedTotal, totals[1]);
            }
        }
        log.info("Baseline: {} committed, {} declined in {} s with {} clients", committed.sum(), declined.sum(),
                Math.round(seconds * 10) / 10.0, settings.clients());
        return new BaselineResult(version, settings.clients(), settings.accounts(), Math.round(seconds * 1000) / 1000.0,
                committed.sum(), declined.sum(), retries.sum(), Math.round(outcomes / seconds * 10) / 10.0,
                LatencySummary.of(latency), conserved, serverSettings, processes);
    }

    /** The postmaster is the parent of every auxiliary process, such as the checkpointer. */
    private static long parentOf(final ProcFs procFs, final long pid) {
        final long parent = procFs.parentOf(pid);
        return parent > 1 ? parent : pid;
    }

    private static String single(final Connection connection, final String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
