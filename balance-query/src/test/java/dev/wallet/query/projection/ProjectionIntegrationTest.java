package dev.wallet.query.projection;

import static dev.wallet.query.support.Events.at;
import static dev.wallet.query.support.Events.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wallet.query.postgres.EmbeddedPostgresServer;
import dev.wallet.query.support.EventLog;
import dev.wallet.query.support.Events;
import dev.wallet.query.support.IntegrationTest;
import dev.wallet.query.support.KafkaBrokerExtension;
import dev.wallet.query.support.ReadModelProbe;
import dev.wallet.query.support.TestProperties;
import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.avro.TransferEvent;
import dev.wallet.schemas.avro.TransferFailureReason;
import dev.wallet.schemas.avro.TransferPhase;
import dev.wallet.schemas.topics.Topics;
import dev.wallet.schemas.kafka.ExactlyOnce;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The projector against a real broker and a real PostgreSQL. */
@IntegrationTest
class ProjectionIntegrationTest {

    private static EventLog log;

    @Autowired
    private DatabaseClient db;
    @Autowired
    private EmbeddedPostgresServer postgres;
    @Autowired
    private MeterRegistry meters;
    @Autowired
    private ProjectionWriter writer;

    private ReadModelProbe probe;

    @DynamicPropertySource
    static void properties(final DynamicPropertyRegistry registry) {
        TestProperties.register(registry);
    }

    @BeforeAll
    static void openLog() {
        log = new EventLog(KafkaBrokerExtension.bootstrapServers());
    }

    @AfterAll
    static void closeLog() {
        log.close();
    }

    @BeforeEach
    void probe() {
        probe = new ReadModelProbe(db);
    }

    @Test
    void shouldProjectEveryAccountEventKind() {
        final String account = newId("alice");
        log.accounts(
                Events.opened(account, at(0)),
                Events.debitRejected(account, 2, 0, 500, newId("tx"), at(1)),
                Events.credited(account, 3, 1_000, 1_000, newId("tx"), at(2)),
                Events.debited(account, 4, 750, 250, newId("tx"), at(3)),
                Events.creditRejected(account, 5, 750, 100, newId("tx"), at(4)),
                Events.refunded(account, 6, 1_000, 250, newId("tx"), at(5)),
                Events.nothingToRefund(account, 7, 1_000, 300, newId("tx"), at(6)),
                Events.openRejected(account, 8, 1_000, at(7)));

        probe.awaitProjected(log);

        assertThat(probe.rows("SELECT sequence, kind, amount_minor, requested_minor, balance_after_minor, reason "
                + "FROM ledger_entries WHERE account_id = $1 ORDER BY sequence", account)).containsExactly(
                "1|OPENED|0|0|0|null",
                "2|DEBIT_REJECTED|0|500|0|INSUFFICIENT_FUNDS",
                "3|CREDITED|1000|1000|1000|null",
                "4|DEBITED|-250|250|750|null",
                "5|CREDIT_REJECTED|0|100|750|CURRENCY_MISMATCH",
                "6|REFUNDED|250|250|1000|null",
                "7|NOTHING_TO_REFUND|0|300|1000|null",
                "8|OPEN_REJECTED|0|0|1000|ACCOUNT_EXISTS_WITH_OTHER_ATTRIBUTES");
        assertThat(probe.rows("SELECT currency, account_type, balance_minor, sequence FROM accounts "
                + "WHERE account_id = $1", account)).containsExactly("USD|USER|1000|8");
    }

    @Test
    void shouldKeepRejectionsOfUnknownAccountsOutOfTheLedger() {
        final String ghost = newId("ghost");
        log.accounts(Events.debitRejected(ghost, 0, 0, 500, newId("tx"), at(0)));

        probe.awaitProjected(log);

        assertThat(probe.count("SELECT count(*) FROM ledger_entries WHERE account_id = $1", ghost)).isZero();
        assertThat(probe.count("SELECT count(*) FROM accounts WHERE account_id = $1", ghost)).isZero();
        assertThat(probe.rows("SELECT step, kind, reason, requested_minor FROM unknown_account_rejections "
                + "WHERE account_id = $1", ghost)).containsExactly("DEBIT|DEBIT_REJECTED|ACCOUNT_NOT_FOUND|500");
    }

    @Test
    void shouldAddNoLedgerEntryForARepeatedEvent() {
        final String account = newId("bob");
        final AccountEvent credit = Events.credited(account, 2, 900, 900, newId("tx"), at(1));
        log.accounts(Events.opened(account, at(0)), credit, Events.repeated(credit));

        probe.awaitProjected(log);

        assertThat(probe.count("SELECT count(*) FROM ledger_entries WHERE account_id = $1", account)).isEqualTo(2);
        assertThat(probe.rows("SELECT balance_minor, sequence FROM accounts WHERE account_id = $1", account))
                .containsExactly("900|2");
    }

    @Test
    void shouldChangeNothingWhenTheSameEventsArriveTwice() {
        final String account = newId("carol");
        final String tx = newId("tx");
        final List<AccountEvent> ledger = List.of(Events.opened(account, at(0)),
                Events.credited(account, 2, 500, 500, tx, at(1)), Events.debited(account, 3, 200, 300, tx, at(2)));
        final TransferEvent[] saga = {Events.accepted(tx, account, "dave", 300, at(1)),
                Events.debitedTransfer(tx, account, "dave", 300, 3, at(2))};
        log.accounts(ledger);
        log.transfers(saga);
        probe.awaitProjected(log);
        final List<String> before = snapshot(account, tx);

        log.accounts(ledger);
        log.transfers(saga);
        probe.awaitProjected(log);

        assertThat(snapshot(account, tx)).isEqualTo(before).hasSize(5);
    }

    @Test
    void shouldKeepTheNewestBalanceWhenOlderEventsAreRedelivered() {
        final String account = newId("erin");
        final AccountEvent opened = Events.opened(account, at(0));
        final AccountEvent credit = Events.credited(account, 2, 700, 700, newId("tx"), at(1));
        final AccountEvent debit = Events.debited(account, 3, 600, 100, newId("tx"), at(2));
        log.accounts(opened, credit, debit);
        probe.awaitProjected(log);

        log.accounts(credit, opened);
        probe.awaitProjected(log);

        assertThat(probe.rows("SELECT balance_minor, sequence, account_type FROM accounts WHERE account_id = $1",
                account)).containsExactly("600|3|USER");
        assertThat(probe.count("SELECT count(*) FROM ledger_entries WHERE account_id = $1", account)).isEqualTo(3);
    }

    @Test
    void shouldMoveTheTransferPhaseForwardOnly() {
        final String tx = newId("tx");
        final TransferEvent accepted = Events.accepted(tx, "frank", "grace", 300, at(0));
        final TransferEvent debited = Events.debitedTransfer(tx, "frank", "grace", 300, 4, at(1));
        log.transfers(accepted, debited, Events.completed(tx, "frank", "grace", 300, 4, 7, at(2)));
        probe.awaitProjected(log);

        log.transfers(debited, accepted);
        probe.awaitProjected(log);

        assertThat(probe.rows("SELECT phase, source_sequence, destination_sequence, requested_at IS NOT NULL, "
                + "finished_at IS NOT NULL FROM transfers WHERE transaction_id = $1", tx))
                .containsExactly("COMPLETED|4|7|true|true");
    }

    @Test
    void shouldFillInTheRequestWhenTheAcceptanceArrivesAfterTheOutcome() {
        final String tx = newId("tx");
        log.transfers(Events.completed(tx, "heidi", "ivan", 300, 4, 7, at(2)));
        probe.awaitProjected(log);

        log.transfers(Events.accepted(tx, "heidi", "ivan", 300, at(0)));
        probe.awaitProjected(log);

        assertThat(probe.rows("SELECT phase, source_sequence, destination_sequence, requested_at IS NOT NULL, "
                + "deadline_at IS NOT NULL, accepted_at IS NOT NULL FROM transfers WHERE transaction_id = $1", tx))
                .containsExactly("COMPLETED|4|7|true|true|true");
    }

    @Test
    void shouldNotRewriteATransferRowThatARedeliveryWouldNotChange() {
        final String tx = newId("tx");
        final TransferEvent[] saga = {Events.accepted(tx, "judy", "karl", 300, at(0)),
                Events.debitedTransfer(tx, "judy", "karl", 300, 4, at(1)),
                Events.completed(tx, "judy", "karl", 300, 4, 7, at(2))};
        log.transfers(saga);
        probe.awaitProjected(log);
        final List<String> version = probe.rows("SELECT xmin::text FROM transfers WHERE transaction_id = $1", tx);

        log.transfers(saga);
        probe.awaitProjected(log);

        // xmin is the transaction that wrote the row's current version: unchanged means not rewritten.
        assertThat(probe.rows("SELECT xmin::text FROM transfers WHERE transaction_id = $1", tx)).isEqualTo(version);
    }

    @Test
    void shouldKeepTheFailureReasonOfAFailedTransfer() {
        final String tx = newId("tx");
        log.transfers(Events.accepted(tx, "heidi", "ivan", 300, at(0)),
                Events.debitedTransfer(tx, "heidi", "ivan", 300, 2, at(1)),
                Events.compensating(tx, "heidi", "ivan", 300, at(2)),
                Events.failed(tx, "heidi", "ivan", 300, TransferFailureReason.DESTINATION_ACCOUNT_NOT_FOUND, true,
                        at(3)));

        probe.awaitProjected(log);

        assertThat(probe.rows("SELECT phase, reason, refunded FROM transfers WHERE transaction_id = $1", tx))
                .containsExactly("FAILED|DESTINATION_ACCOUNT_NOT_FOUND|true");
    }

    @Test
    void shouldNotChangeTheStatusOnDuplicateOrConflictingRequests() {
        final String tx = newId("tx");
        log.transfers(Events.accepted(tx, "judy", "ken", 300, at(0)),
                Events.duplicate(tx, "judy", "ken", 300, TransferPhase.DEBITED, at(1)),
                Events.conflict(tx, "judy", "ken", 300, TransferPhase.DEBITED, at(2)));

        probe.awaitProjected(log);

        assertThat(probe.rows("SELECT phase FROM transfers WHERE transaction_id = $1", tx))
                .containsExactly("ACCEPTED");
        assertThat(probe.rows("SELECT kind, conflicting_to_account FROM transfer_duplicates "
                + "WHERE transaction_id = $1 ORDER BY kafka_offset", tx))
                .containsExactly("DUPLICATE|null", "CONFLICT|someone-else");
    }

    @Test
    void shouldSkipAPoisonRecordAndProjectWhatFollows() {
        final String account = newId("mallory");
        final double poisonBefore = poisonCount();
        log.garbage(Topics.ACCOUNT_EVENTS.name(), account);
        log.accounts(Events.opened(account, at(0)));

        probe.awaitProjected(log);

        assertThat(probe.count("SELECT count(*) FROM accounts WHERE account_id = $1", account)).isEqualTo(1);
        assertThat(poisonCount()).isEqualTo(poisonBefore + 1);
    }

    @Test
    void shouldSkipEventsWhoseValuesTheTablesRefuseAndProjectWhatFollows() {
        final String euro = newId("euro");
        final String nul = newId("nul");
        final String overflow = newId("overflow");
        final String good = newId("good");
        final double poisonBefore = poisonCount();
        // Decodable, but PostgreSQL would refuse each one and so the whole batch, again and again.
        final AccountEvent fourLetterCurrency = Events.opened(euro, at(0));
        fourLetterCurrency.setCurrency("EURO");
        final AccountEvent nulInAnId = Events.opened(nul, at(0));
        nulInAnId.setTransactionId("tx-\u0000");
        log.accounts(fourLetterCurrency, nulInAnId, Events.opened(overflow, at(0)),
                Events.debited(overflow, 2, 0, Long.MIN_VALUE, newId("tx"), at(1)),
                Events.opened(good, at(0)));

        probe.awaitProjected(log);

        assertThat(probe.count("SELECT count(*) FROM accounts WHERE account_id IN ($1, $2)", euro, nul)).isZero();
        assertThat(probe.count("SELECT count(*) FROM ledger_entries WHERE account_id = $1", overflow)).isEqualTo(1);
        assertThat(probe.count("SELECT count(*) FROM accounts WHERE account_id = $1", good)).isEqualTo(1);
        assertThat(poisonCount()).isEqualTo(poisonBefore + 3);
    }

    @Test
    void shouldSkipARecordPostgresRefusesForAReasonNotKnownBeforehandAndProjectTheRestOfItsBatch() {
        final String before = newId("before");
        final String after = newId("after");
        // Random, so it does not compress: too long for a btree index entry (PostgreSQL's limit is
        // about 2.7 kB), which no rule of EventValues knows about; PostgreSQL refuses the batch.
        final String huge = newId(new java.util.Random(3).ints(4_000, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
        final double poisonBefore = poisonCount();
        log.accounts(Events.opened(before, at(0)), Events.opened(huge, at(0)), Events.opened(after, at(0)));

        probe.awaitProjected(log);

        assertThat(probe.count("SELECT count(*) FROM accounts WHERE account_id IN ($1, $2)", before, after))
                .isEqualTo(2);
        assertThat(probe.count("SELECT count(*) FROM accounts WHERE account_id = $1", huge)).isZero();
        assertThat(poisonCount()).isEqualTo(poisonBefore + 1);
    }

    @Test
    void shouldLoseNothingWhenPostgresRestartsMidStream() {
        final List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            accounts.add(newId("restart"));
        }
        accounts.subList(0, 10).forEach(account -> log.accounts(Events.opened(account, at(0))));
        probe.awaitProjected(log);
        final double failuresBefore = meters.counter("wallet.projection.write.failures").count();

        postgres.stop();
        try {
            accounts.forEach(account -> log.accounts(Events.credited(account, account.equals(accounts.get(15))
                    ? 1 : 2, 100, 100, newId("tx"), at(1))));
            accounts.subList(10, 20).forEach(account -> log.accounts(Events.opened(account, at(2))));
            await().atMost(ReadModelProbe.CATCH_UP_MAX)
                    .until(() -> meters.counter("wallet.projection.write.failures").count() > failuresBefore);
        } finally {
            postgres.start();
        }
        probe.awaitProjected(log);

        final String[] ids = accounts.toArray(String[]::new);
        assertThat(probe.count("SELECT count(*) FROM accounts WHERE account_id = ANY($1)", (Object) ids))
                .isEqualTo(20);
        assertThat(probe.count("SELECT count(*) FROM ledger_entries WHERE account_id = ANY($1)", (Object) ids))
                .isEqualTo(39);
    }

    @Test
    void shouldReportTheLagWhilePostgresIsDown() {
        final String account = newId("lag");
        log.accounts(Events.opened(account, at(0)));
        probe.awaitProjected(log);
        await().atMost(ReadModelProbe.CATCH_UP_MAX).until(() -> lagOfLedger() == 0);

        postgres.stop();
        try {
            for (int i = 2; i <= 31; i++) {
                log.accounts(Events.credited(account, i, 10L * (i - 1), 10, newId("tx"), at(i)));
            }
            await().atMost(ReadModelProbe.CATCH_UP_MAX).until(() -> lagOfLedger() >= 30);
        } finally {
            postgres.start();
        }

        await().atMost(ReadModelProbe.CATCH_UP_MAX).until(() -> lagOfLedger() == 0);
        assertThat(probe.rows("SELECT balance_minor, sequence FROM accounts WHERE account_id = $1", account))
                .containsExactly("300|31");
    }

    @Test
    void shouldChangeNothingWhenTheTopicsAreReplayedFromOffsetZero() {
        final String account = newId("replay");
        final String tx = newId("tx");
        log.accounts(Events.opened(account, at(0)), Events.credited(account, 2, 400, 400, tx, at(1)));
        log.transfers(Events.accepted(tx, "funding", account, 400, at(0)),
                Events.completed(tx, "funding", account, 400, 9, 2, at(1)));
        probe.awaitProjected(log);
        final List<String> before = everything();
        final long recordsInTopics = log.endOffsets().values().stream().mapToLong(Long::longValue).sum();

        final SimpleMeterRegistry replayMeters = new SimpleMeterRegistry();
        final ProjectionLag replayLag = new ProjectionLag();
        final ProjectionProperties properties = new ProjectionProperties(true, newId("replay-group"), 2000, 100,
                100, 500, 30_000, 100, 10_000);
        final EventProjector replay = new EventProjector(
                ExactlyOnce.readCommitted(KafkaBrokerExtension.bootstrapServers(), properties.groupId()), writer,
                new ProjectionMetrics(replayMeters, replayLag), replayLag, properties);
        replay.start();
        try {
            await().atMost(ReadModelProbe.CATCH_UP_MAX).until(() ->
                    replayMeters.counter("wallet.projection.events").count()
                            + replayMeters.find("wallet.projection.poison.records").counters().stream()
                            .mapToDouble(c -> c.count()).sum() >= recordsInTopics);
        } finally {
            replay.stop();
        }

        assertThat(everything()).isEqualTo(before);
    }

    private List<String> everything() {
        final List<String> rows = new ArrayList<>();
        rows.addAll(probe.rows("SELECT * FROM ledger_entries ORDER BY account_id, sequence"));
        rows.addAll(probe.rows("SELECT * FROM accounts ORDER BY account_id"));
        rows.addAll(probe.rows("SELECT * FROM unknown_account_rejections ORDER BY account_id, transaction_id, step"));
        rows.addAll(probe.rows("SELECT * FROM transfers ORDER BY transaction_id"));
        rows.addAll(probe.rows("SELECT * FROM transfer_duplicates ORDER BY kafka_partition, kafka_offset"));
        rows.addAll(probe.rows("SELECT topic, kafka_partition, next_offset, last_event_at FROM projection_progress "
                + "ORDER BY topic, kafka_partition"));
        return rows;
    }

    private double lagOfLedger() {
        return meters.get("wallet.projection.lag.records").tag("topic", Topics.ACCOUNT_EVENTS.name()).gauge().value();
    }

    private double poisonCount() {
        final var counter = meters.find("wallet.projection.poison.records")
                .tag("topic", Topics.ACCOUNT_EVENTS.name()).counter();
        return counter == null ? 0 : counter.count();
    }

    private List<String> snapshot(final String account, final String tx) {
        final List<String> rows = new ArrayList<>();
        rows.addAll(probe.rows("SELECT * FROM ledger_entries WHERE account_id = $1 ORDER BY sequence", account));
        rows.addAll(probe.rows("SELECT * FROM accounts WHERE account_id = $1", account));
        rows.addAll(probe.rows("SELECT * FROM transfers WHERE transaction_id = $1", tx));
        return rows;
    }
}
