package dev.wallet.query.projection;

import static dev.wallet.query.support.Events.newId;
import static org.awaitility.Awaitility.await;

import dev.wallet.query.postgres.EmbeddedPostgresServer;
import dev.wallet.query.support.EventLog;
import dev.wallet.query.support.Events;
import dev.wallet.query.support.IntegrationTest;
import dev.wallet.query.support.KafkaBrokerExtension;
import dev.wallet.query.support.ProcessTreeCpu;
import dev.wallet.query.support.TestProperties;
import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.avro.TransferEvent;
import dev.wallet.schemas.kafka.ExactlyOnce;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Measures projection throughput; not an assertion, and off unless asked for:
 * {@code ./mvnw -B -o -pl balance-query test -Dtest=ProjectionThroughputBenchmark
 * -Dwallet.benchmark=true -Dwallet.benchmark.transfers=50000}, optionally with
 * {@code -Dwallet.benchmark.batch=5000}, {@code -Dwallet.benchmark.consumers=2} and
 * {@code -Dwallet.benchmark.saga-spread=0} (see {@link #writeTransfers}), {@code -Dwallet.benchmark.fetch-min-bytes=1048576}
 * (the workers' {@code fetch.min.bytes}), {@code -Dwallet.benchmark.rate=0}
 * (transfers/s written while the projector runs; 0 writes them all before it starts) and
 * {@code -Dwallet.benchmark.jfr=<file>} (a flight recording of the projection).
 *
 * <p>It writes the events of N completed transfers (per transfer: 2 ledger events and 3 saga
 * events, over 1,000 accounts), before the projector starts or, paced, while it runs, and times a
 * projector on a fresh consumer group from its start until every event is durable in PostgreSQL.
 *
 * <p>Besides the rates it reports the cost per transfer, which contention on a shared machine
 * distorts far less than wall-clock time: CPU of the PostgreSQL process tree (postmaster, backends,
 * WAL writer, checkpointer; from {@code /proc}), CPU of the projector's threads (its consumer
 * threads and the R2DBC I/O threads; the JVM also hosts the embedded broker, so its process CPU is
 * reported apart), and WAL bytes written.
 */
@IntegrationTest
@TestPropertySource(properties = "wallet.projection.enabled=false")
@EnabledIfSystemProperty(named = "wallet.benchmark", matches = "true")
class ProjectionThroughputBenchmark {

    private static final int ACCOUNTS = 1_000;
    private static final long OPENING_BALANCE = 1_000_000_000L;

    @Autowired
    private ProjectionWriter writer;
    @Autowired
    private io.micrometer.core.instrument.MeterRegistry appMeters;
    @Autowired
    private EmbeddedPostgresServer postgres;
    @Autowired
    private DatabaseClient db;

    @DynamicPropertySource
    static void properties(final DynamicPropertyRegistry registry) {
        TestProperties.register(registry);
    }

    @Test
    void shouldReportProjectedRowsPerSecond() {
        final int transfers = Integer.getInteger("wallet.benchmark.transfers", 20_000);
        final int spread = Integer.getInteger("wallet.benchmark.saga-spread", 0);
        final int ratePerSecond = Integer.getInteger("wallet.benchmark.rate", 0);
        final int events = ACCOUNTS * 2 + transfers * 5;
        final EventLog log = new EventLog(KafkaBrokerExtension.bootstrapServers());
        final CompletableFuture<Integer> written = new CompletableFuture<>();
        final java.util.concurrent.atomic.AtomicLong writtenAtNs = new java.util.concurrent.atomic.AtomicLong();
        if (ratePerSecond == 0) {
            written.complete(writeTransfers(log, transfers, spread, 0));
        }

        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        final ProjectionLag lag = new ProjectionLag();
        final ProjectionProperties properties = new ProjectionProperties(true, newId("benchmark"),
                Integer.getInteger("wallet.benchmark.batch", 5000), 100, 100, 500, 30_000, 1000, 10_000,
                Integer.getInteger("wallet.benchmark.consumers", 2),
                Integer.getInteger("wallet.benchmark.fetch-min-bytes", ProjectionProperties.DEFAULT_FETCH_MIN_BYTES),
                ProjectionProperties.DEFAULT_FETCH_MAX_WAIT_MS);
        final EventProjector projector = new EventProjector(
                ExactlyOnce.readCommitted(KafkaBrokerExtension.bootstrapServers(), properties.groupId()), writer,
                new ProjectionMetrics(meters, lag), lag, properties);
        final long postmaster = ProcessTreeCpu.postmasterPid(postgres.dataDir());
        final String walStart = walPosition();
        final long postgresCpuStartUs = ProcessTreeCpu.micros(postmaster);
        final long jvmCpuStartNs = processCpuNs();
        final Map<Long, Long> threadCpuStartNs = projectorThreadCpuNs();
        final jdk.jfr.Recording recording = startFlightRecordingIfAsked();
        final long startNs = System.nanoTime();
        projector.start();
        if (ratePerSecond > 0) {
            // Paced: events arrive while the projector runs, as in the stack, so polls bring what arrived.
            CompletableFuture.runAsync(() -> {
                final int count = writeTransfers(log, transfers, spread, ratePerSecond);
                writtenAtNs.set(System.nanoTime());
                written.complete(count);
            })
                    .exceptionally(e -> {
                        written.completeExceptionally(e);
                        return null;
                    });
        }
        final double seconds;
        final long projectorCpuNs;
        final long jvmCpuNs;
        final long postgresCpuUs;
        try {
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> meters.counter("wallet.projection.events").count() >= events);
            seconds = (System.nanoTime() - startNs) / 1e9;
            if (ratePerSecond > 0) {
                System.out.printf("BENCHMARK paced: the last event was projected %.2f s after it was written%n",
                        (System.nanoTime() - writtenAtNs.get()) / 1e9);
            }
            projectorCpuNs = cpuSince(threadCpuStartNs, projectorThreadCpuNs());
            jvmCpuNs = processCpuNs() - jvmCpuStartNs;
            postgresCpuUs = ProcessTreeCpu.micros(postmaster) - postgresCpuStartUs;
        } finally {
            projector.stop();
            dumpFlightRecording(recording);
            written.join();
            log.close();
        }
        final long walBytes = walBytesSince(walStart);
        printTableStatistics();
        final double rows = meters.counter("wallet.projection.rows").count();
        final double batches = meters.counter("wallet.projection.batches").count();
        final double writeSeconds = meters.timer("wallet.projection.batch.write")
                .totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) / 1e9;
        System.out.printf("BENCHMARK settings: batch-max-records %d, consumers %d, fetch-min-bytes %d, "
                        + "saga-spread %d, rate %s%n", properties.batchMaxRecords(), properties.consumers(),
                properties.fetchMinBytes(), spread, ratePerSecond == 0 ? "preloaded" : ratePerSecond + "/s");
        System.out.printf("BENCHMARK projection: %d transfers, %d events, %.0f rows, %.0f batches in %.2f s "
                        + "(%.2f s of it in database writes): %.0f events/s, %.0f rows/s, %.0f transfers/s%n",
                transfers, events, rows, batches, seconds, writeSeconds, events / seconds, rows / seconds,
                transfers / seconds);
        appMeters.find("wallet.projection.statement").timers().forEach(timer ->
                System.out.printf("BENCHMARK statement %s: %.2f s over %d statements%n", timer.getId().getTag("table"),
                        timer.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) / 1e9, timer.count()));
        System.out.printf("BENCHMARK cost per transfer: PostgreSQL CPU %.1f us, projector threads CPU %.1f us, "
                        + "JVM process CPU (projector + embedded broker) %.1f us, WAL %.0f bytes; "
                        + "PostgreSQL %.2f cores, projector %.2f cores%n",
                postgresCpuUs / (double) transfers, projectorCpuNs / 1e3 / transfers, jvmCpuNs / 1e3 / transfers,
                walBytes / (double) transfers, postgresCpuUs / 1e6 / seconds, projectorCpuNs / 1e9 / seconds);
    }

    /** What PostgreSQL's statistics say per table (they arrive up to a second late, so may be short). */
    private void printTableStatistics() {
        db.sql("""
                        SELECT relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del, n_dead_tup,
                               pg_total_relation_size(relid) AS bytes
                        FROM pg_stat_user_tables WHERE n_tup_ins > 0 ORDER BY relname""")
                .map(row -> String.format("BENCHMARK table %s: %d inserted, %d updated (%d HOT), %d dead, %d bytes",
                        row.get("relname", String.class), row.get("n_tup_ins", Long.class),
                        row.get("n_tup_upd", Long.class), row.get("n_tup_hot_upd", Long.class),
                        row.get("n_dead_tup", Long.class), row.get("bytes", Long.class)))
                .all().doOnNext(System.out::println).blockLast();
    }

    /** A JFR profile of the projection phase alone, when {@code -Dwallet.benchmark.jfr=<file>} is given. */
    private static jdk.jfr.Recording startFlightRecordingIfAsked() {
        if (System.getProperty("wallet.benchmark.jfr") == null) {
            return null;
        }
        try {
            final jdk.jfr.Recording recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            recording.start();
            return recording;
        } catch (java.io.IOException | java.text.ParseException e) {
            throw new IllegalStateException("cannot start a flight recording", e);
        }
    }

    private static void dumpFlightRecording(final jdk.jfr.Recording recording) {
        if (recording == null) {
            return;
        }
        try (recording) {
            recording.dump(java.nio.file.Path.of(System.getProperty("wallet.benchmark.jfr")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String walPosition() {
        return db.sql("SELECT pg_current_wal_lsn()::text AS lsn").map(row -> row.get("lsn", String.class))
                .one().block();
    }

    private long walBytesSince(final String start) {
        return db.sql("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1::pg_lsn)::bigint AS bytes").bind(0, start)
                .map(row -> row.get("bytes", Long.class)).one().block();
    }

    private static long processCpuNs() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU of the projector's consumer threads and the R2DBC (reactor-netty) I/O threads, by thread id. */
    private static Map<Long, Long> projectorThreadCpuNs() {
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        final Map<Long, Long> cpu = new HashMap<>();
        for (final ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith("wallet-projector-")
                    || info.getThreadName().startsWith("reactor-tcp-"))) {
                cpu.put(info.getThreadId(), Math.max(0, threads.getThreadCpuTime(info.getThreadId())));
            }
        }
        return cpu;
    }

    private static long cpuSince(final Map<Long, Long> start, final Map<Long, Long> end) {
        long total = 0;
        for (final Map.Entry<Long, Long> thread : end.entrySet()) {
            total += thread.getValue() - start.getOrDefault(thread.getKey(), 0L);
        }
        return total;
    }

    /**
     * Writes the ledger and saga events of {@code transfers} completed transfers. With a spread of 0 a
     * transfer's three saga events are adjacent (one poll reduces them to one row); with a spread of k
     * the log interleaves them as the running stack does: accepted of transfer i next to debited of
     * i - k and completed of i - 2k, so they reach the projector in different polls.
     */
    private static int writeTransfers(final EventLog log, final int transfers, final int spread,
                                      final int ratePerSecond) {
        final String run = newId("bench");
        final long[] sequence = new long[ACCOUNTS];
        final long[] balance = new long[ACCOUNTS];
        final long[] sourceSequence = new long[transfers];
        final long[] destinationSequence = new long[transfers];
        final List<AccountEvent> ledger = new ArrayList<>();
        final Instant t0 = Instant.now();
        for (int a = 0; a < ACCOUNTS; a++) {
            ledger.add(Events.opened(account(run, a), t0));
            ledger.add(Events.credited(account(run, a), 2, OPENING_BALANCE, OPENING_BALANCE, newId("fund"), t0));
            sequence[a] = 2;
            balance[a] = OPENING_BALANCE;
        }
        log.accounts(ledger);
        int events = ledger.size();
        // Paced: a chunk every 50 ms, each sent no earlier than its place in the rate.
        final int chunk = ratePerSecond == 0 ? 5_000 : Math.max(1, ratePerSecond / 20);
        final int steps = transfers + 2 * spread;
        final long pacingStartNs = System.nanoTime();
        for (int start = 0; start < steps; start += chunk) {
            if (ratePerSecond > 0) {
                waitUntil(pacingStartNs + start * 1_000_000_000L / ratePerSecond);
            }
            final List<AccountEvent> accountEvents = new ArrayList<>();
            final List<TransferEvent> transferEvents = new ArrayList<>();
            for (int i = start; i < Math.min(steps, start + chunk); i++) {
                if (i < transfers) {
                    final int from = i % ACCOUNTS;
                    final int to = (i + 1) % ACCOUNTS;
                    final String tx = tx(run, i);
                    final Instant at = t0.plusMillis(i);
                    balance[from] -= 1;
                    balance[to] += 1;
                    sourceSequence[i] = ++sequence[from];
                    destinationSequence[i] = ++sequence[to];
                    accountEvents.add(Events.debited(account(run, from), sourceSequence[i], balance[from], 1, tx, at));
                    accountEvents.add(Events.credited(account(run, to), destinationSequence[i], balance[to], 1, tx, at));
                    transferEvents.add(Events.accepted(tx, account(run, from), account(run, to), 1, at));
                }
                final int debited = i - spread;
                if (debited >= 0 && debited < transfers) {
                    transferEvents.add(Events.debitedTransfer(tx(run, debited), account(run, debited % ACCOUNTS),
                            account(run, (debited + 1) % ACCOUNTS), 1, sourceSequence[debited],
                            t0.plusMillis(debited)));
                }
                final int completed = i - 2 * spread;
                if (completed >= 0 && completed < transfers) {
                    transferEvents.add(Events.completed(tx(run, completed), account(run, completed % ACCOUNTS),
                            account(run, (completed + 1) % ACCOUNTS), 1, sourceSequence[completed],
                            destinationSequence[completed], t0.plusMillis(completed)));
                }
            }
            log.accounts(accountEvents);
            log.transfers(transferEvents.toArray(TransferEvent[]::new));
            events += accountEvents.size() + transferEvents.size();
        }
        return events;
    }

    private static void waitUntil(final long nanoTime) {
        final long waitNs = nanoTime - System.nanoTime();
        if (waitNs > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(waitNs);
        }
    }

    private static String tx(final String run, final int index) {
        return run + "-tx-" + index;
    }

    private static String account(final String run, final int index) {
        return run + "-acct-" + index;
    }
}
