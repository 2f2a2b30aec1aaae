package dev.wallet.query.projection;

import static dev.wallet.query.support.Events.newId;
import static org.awaitility.Awaitility.await;

import dev.wallet.query.support.EventLog;
import dev.wallet.query.support.Events;
import dev.wallet.query.support.IntegrationTest;
import dev.wallet.query.support.KafkaBrokerExtension;
import dev.wallet.query.support.TestProperties;
import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.avro.TransferEvent;
import dev.wallet.schemas.kafka.ExactlyOnce;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Measures projection throughput; not an assertion, and off unless asked for:
 * {@code ./mvnw -B -o -pl balance-query test -Dtest=ProjectionThroughputBenchmark
 * -Dwallet.benchmark=true -Dwallet.benchmark.transfers=50000}.
 *
 * <p>It first writes the events of N completed transfers (per transfer: 2 ledger events and 3 saga
 * events, over 1,000 accounts), then starts a projector on a fresh consumer group and times it from
 * start until every event is durable in PostgreSQL.
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

    @DynamicPropertySource
    static void properties(final DynamicPropertyRegistry registry) {
        TestProperties.register(registry);
    }

    @Test
    void shouldReportProjectedRowsPerSecond() {
        final int transfers = Integer.getInteger("wallet.benchmark.transfers", 20_000);
        final int events;
        try (EventLog log = new EventLog(KafkaBrokerExtension.bootstrapServers())) {
            events = writeTransfers(log, transfers);
        }

        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        final ProjectionLag lag = new ProjectionLag();
        final ProjectionProperties properties = new ProjectionProperties(true, newId("benchmark"),
                Integer.getInteger("wallet.benchmark.batch", 5000), 100, 100, 500, 30_000, 1000, 10_000,
                Integer.getInteger("wallet.benchmark.consumers", 2));
        final EventProjector projector = new EventProjector(
                ExactlyOnce.readCommitted(KafkaBrokerExtension.bootstrapServers(), properties.groupId()), writer,
                new ProjectionMetrics(meters, lag), lag, properties);
        final long startNs = System.nanoTime();
        projector.start();
        try {
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> meters.counter("wallet.projection.events").count() >= events);
        } finally {
            projector.stop();
        }
        final double seconds = (System.nanoTime() - startNs) / 1e9;
        final double rows = meters.counter("wallet.projection.rows").count();
        final double batches = meters.counter("wallet.projection.batches").count();
        final double writeSeconds = meters.timer("wallet.projection.batch.write")
                .totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) / 1e9;
        System.out.printf("BENCHMARK projection: %d transfers, %d events, %.0f rows, %.0f batches in %.2f s "
                        + "(%.2f s of it in database writes): %.0f events/s, %.0f rows/s, %.0f transfers/s%n",
                transfers, events, rows, batches, seconds, writeSeconds, events / seconds, rows / seconds,
                transfers / seconds);
        appMeters.find("wallet.projection.statement").timers().forEach(timer ->
                System.out.printf("BENCHMARK statement %s: %.2f s over %d statements%n", timer.getId().getTag("table"),
                        timer.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) / 1e9, timer.count()));
    }

    private static int writeTransfers(final EventLog log, final int transfers) {
        final String run = newId("bench");
        final long[] sequence = new long[ACCOUNTS];
        final long[] balance = new long[ACCOUNTS];
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
        final int chunk = 5_000;
        for (int start = 0; start < transfers; start += chunk) {
            final List<AccountEvent> accountEvents = new ArrayList<>();
            final List<TransferEvent> transferEvents = new ArrayList<>();
            for (int i = start; i < Math.min(transfers, start + chunk); i++) {
                final int from = i % ACCOUNTS;
                final int to = (i + 1) % ACCOUNTS;
                final String tx = run + "-tx-" + i;
                final Instant at = t0.plusMillis(i);
                balance[from] -= 1;
                balance[to] += 1;
                accountEvents.add(Events.debited(account(run, from), ++sequence[from], balance[from], 1, tx, at));
                accountEvents.add(Events.credited(account(run, to), ++sequence[to], balance[to], 1, tx, at));
                transferEvents.add(Events.accepted(tx, account(run, from), account(run, to), 1, at));
                transferEvents.add(Events.debitedTransfer(tx, account(run, from), account(run, to), 1,
                        sequence[from], at));
                transferEvents.add(Events.completed(tx, account(run, from), account(run, to), 1, sequence[from],
                        sequence[to], at));
            }
            log.accounts(accountEvents);
            log.transfers(transferEvents.toArray(TransferEvent[]::new));
            events += accountEvents.size() + transferEvents.size();
        }
        return events;
    }

    private static String account(final String run, final int index) {
        return run + "-acct-" + index;
    }
}
