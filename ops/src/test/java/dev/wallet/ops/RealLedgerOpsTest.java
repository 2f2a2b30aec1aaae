package dev.wallet.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.account.store.avro.StoredAccount;
import dev.wallet.account.store.avro.StoredAccountType;
import dev.wallet.ops.processor.ProcessorState;
import dev.wallet.ops.support.EmbeddedWallet;
import dev.wallet.ops.support.LiveProjector;
import dev.wallet.ops.support.OpsRun;
import dev.wallet.ops.support.RealWallet;
import dev.wallet.schemas.avro.AccountType;
import dev.wallet.schemas.kafka.ExactlyOnce;
import dev.wallet.schemas.serde.AvroSerde;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command against a ledger made by the real account processor and saga topologies on an
 * embedded broker, with the read side in an embedded PostgreSQL: transfers that complete, fail for
 * insufficient funds, and fail after a declined credit with a refund.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealLedgerOpsTest {

    private static final String APP_ID = "ops-test-processor";
    private static final int USERS = 8;
    private static final int USER_TRANSFERS = 40;

    @TempDir
    static Path dataDir;

    private static EmbeddedWallet wallet;
    private static RealWallet writePath;

    @BeforeAll
    static void start() throws InterruptedException {
        wallet = EmbeddedWallet.start(dataDir.resolve("postgres"));
        writePath = new RealWallet(wallet.bootstrapServers(), APP_ID, dataDir.resolve("state"));
        writePath.start();
        writePath.open("funding", AccountType.SYSTEM);
        for (int user = 0; user < USERS; user++) {
            writePath.open(user(user), AccountType.USER);
        }
        final Set<String> transfers = new HashSet<>();
        for (int user = 0; user < USERS; user++) {
            transfers.add(writePath.transfer("funding", user(user), 10_000));
        }
        writePath.awaitTerminal(transfers);
        final Random random = new Random(7);
        for (int i = 0; i < USER_TRANSFERS; i++) {
            // Up to 60.00 out of 100.00: some users run dry and are declined INSUFFICIENT_FUNDS.
            transfers.add(writePath.transfer(user(random.nextInt(USERS)), user(random.nextInt(USERS)),
                    1 + random.nextInt(6_000)));
        }
        // A declined credit: the debit is refunded.
        transfers.add(writePath.transfer(user(0), "ghost", 100));
        writePath.awaitTerminal(transfers);
        writePath.stop();
    }

    @AfterAll
    static void stop() {
        try {
            if (writePath != null) {
                writePath.close();
            }
        } finally {
            if (wallet != null) {
                wallet.close();
            }
        }
    }

    private static String user(final int index) {
        return "user-" + index;
    }

    @Test
    @Order(1)
    void shouldRebuildTheReadSideIntoAFreshSchemaAndSwapItIn() throws SQLException {
        final OpsRun run = OpsRun.of("rebuild-read-side", "--bootstrap-servers", wallet.bootstrapServers(),
                "--jdbc-url", wallet.jdbcUrl(), "--rebuild-schema", "rebuild_1", "--old-schema", "old_1", "--json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.json().get("notes").toString()).contains("exactly at the snapshot");
        assertThat(count("SELECT count(*) FROM public.accounts")).isEqualTo(USERS + 1);
        assertThat(count("SELECT count(*) FROM public.transfers")).isEqualTo(USERS + USER_TRANSFERS + 1);
        assertThat(count("SELECT count(*) FROM pg_namespace WHERE nspname = 'old_1'")).isOne();
    }

    @Test
    @Order(2)
    void shouldKeepAnOpenConnectionsPreparedQueryWorkingAcrossTheSwap() throws SQLException {
        try (Connection reader = DriverManager.getConnection(wallet.jdbcUrl(), "postgres", "");
             Statement tamper = reader.createStatement();
             PreparedStatement balance = reader.prepareStatement(
                     "SELECT balance_minor FROM accounts WHERE account_id = 'user-1'")) {
            final long truth = single(balance);
            for (int i = 0; i < 6; i++) {
                // Past the driver's prepare threshold: the server holds a prepared, planned statement.
                single(balance);
            }
            tamper.execute("UPDATE accounts SET balance_minor = -1 WHERE account_id = 'user-1'");
            assertThat(single(balance)).isEqualTo(-1);

            final OpsRun run = OpsRun.of("rebuild-read-side", "--bootstrap-servers", wallet.bootstrapServers(),
                    "--jdbc-url", wallet.jdbcUrl(), "--rebuild-schema", "rebuild_2", "--old-schema", "old_2",
                    "--drop-old");

            assertThat(run.exitCode()).isZero();
            assertThat(single(balance)).isEqualTo(truth);
            assertThat(count("SELECT count(*) FROM pg_namespace WHERE nspname = 'old_2'")).isZero();
        }
    }

    @Test
    @Order(3)
    void shouldPassTheAuditOfARealLedgerOnEverySide() {
        final OpsRun run = audit();

        assertThat(run.exitCode()).isZero();
        assertThat(run.json().get("figures").get("transfers by phase").get("FAILED").asLong()).isPositive();
        assertThat(run.json().get("figures").get("transfers by phase").get("COMPLETED").asLong()).isPositive();
        assertThat(run.json().get("figures").get("processor accounts compared").asLong()).isEqualTo(USERS + 1);
        assertThat(run.json().get("notes").toString()).contains("exactly at the snapshot", "(processor stopped)");
    }

    @Test
    @Order(4)
    void shouldNotPassAnAuditThatCouldNotCompareTheReadSideItWasAskedTo() throws IOException {
        final int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        final OpsRun unreachable = OpsRun.of("audit", "--bootstrap-servers", wallet.bootstrapServers(), "--jdbc-url",
                "jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres", "--processor-app-id", APP_ID, "--json");
        final OpsRun noSuchSchema = OpsRun.of("audit", "--bootstrap-servers", wallet.bootstrapServers(), "--jdbc-url",
                wallet.jdbcUrl(), "--schema", "nope", "--processor-app-id", APP_ID, "--read-side-wait", "PT1S",
                "--json");

        assertThat(unreachable.exitCode()).isEqualTo(2);
        assertThat(unreachable.err()).contains("--no-read-side");
        assertThat(noSuchSchema.exitCode()).isEqualTo(2);
    }

    @Test
    @Order(4)
    void shouldCatchAReadSideThatDiffersFromTheLedger() throws SQLException {
        execute("UPDATE accounts SET balance_minor = balance_minor + 1 WHERE account_id = 'user-2'");
        try {
            final OpsRun run = audit();

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.rules()).containsExactly("READ_SIDE_MISMATCH");
            assertThat(run.json().get("violations").get(0).get("subject").asText()).isEqualTo("account user-2");
        } finally {
            execute("UPDATE accounts SET balance_minor = balance_minor - 1 WHERE account_id = 'user-2'");
        }
    }

    @Test
    @Order(4)
    void shouldCatchAReadSideRowAheadOfTheLedgerWhenTheReadSideIsExactlyAtTheSnapshot() throws SQLException {
        execute("UPDATE accounts SET sequence = sequence + 1 WHERE account_id = 'user-2'");
        try {
            final OpsRun run = audit();

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.rules()).containsExactly("READ_SIDE_MISMATCH");
            assertThat(run.json().get("notes").toString()).contains("exactly at the snapshot");
        } finally {
            execute("UPDATE accounts SET sequence = sequence - 1 WHERE account_id = 'user-2'");
        }
    }

    @Test
    @Order(5)
    void shouldFindTheProcessorStateEqualToTheLedger() {
        final OpsRun run = rebuildProcessors();

        assertThat(run.exitCode()).isZero();
        assertThat(run.json().get("figures").get("accounts differing from the ledger").asLong()).isZero();
    }

    @Test
    @Order(6)
    void shouldRestoreACorruptedProcessorStateFromTheLedger() throws Exception {
        corruptProcessorState("user-3");
        final OpsRun before = rebuildProcessors();
        assertThat(before.exitCode()).isEqualTo(1);
        assertThat(before.rules()).containsExactly("PROCESSOR_STATE_MISMATCH");

        final Path stateDir = dataDir.resolve("state");
        final OpsRun apply = rebuildProcessors("--apply", "--state-dir", stateDir.toString());

        assertThat(apply.exitCode()).isZero();
        assertThat(apply.json().get("figures").get("changelog records written").asLong()).isOne();
        assertThat(Files.exists(stateDir.resolve(APP_ID))).isFalse();
        assertThat(rebuildProcessors().exitCode()).isZero();

        // The processor restores the rebuilt state: a new debit of user-3 must fold onto the true balance.
        writePath.start();
        try {
            writePath.awaitTerminal(Set.of(writePath.transfer("user-3", "user-4", 1)));
        } finally {
            writePath.stop();
        }
        final OpsRun audit = OpsRun.of("audit", "--bootstrap-servers", wallet.bootstrapServers(),
                "--processor-app-id", APP_ID, "--no-read-side", "--json");
        assertThat(audit.exitCode()).isZero();
    }

    @Test
    @Order(7)
    void shouldAnswerBalanceAsOfASequenceAsTheReadSideRecordsIt() throws SQLException {
        final long sequence = 3;
        final long expected = count("SELECT balance_after_minor FROM ledger_entries WHERE account_id = 'user-5' "
                + "AND sequence = " + sequence);

        final OpsRun run = OpsRun.of("balance-as-of", "user-5", "--sequence", Long.toString(sequence),
                "--bootstrap-servers", wallet.bootstrapServers());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("(" + expected + " minor units) after sequence 3");
    }

    @Test
    @Order(8)
    void shouldKeepTheReadSideCompleteWhenRebuiltUnderALiveProjectorAndLoad() throws Exception {
        final Set<String> sent = ConcurrentHashMap.newKeySet();
        final AtomicBoolean sending = new AtomicBoolean(true);
        try (LiveProjector live = new LiveProjector(wallet.bootstrapServers(),
                "r2dbc:" + wallet.jdbcUrl().substring("jdbc:".length()))) {
            live.start();
            writePath.start();
            final Thread load = new Thread(() -> {
                final Random random = new Random(11);
                while (sending.get()) {
                    sent.add(writePath.transfer(user(random.nextInt(USERS)), user(random.nextInt(USERS)),
                            1 + random.nextInt(50)));
                    LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
                }
            }, "transfer-load");
            load.start();
            final OpsRun rebuild;
            try {
                rebuild = OpsRun.of("rebuild-read-side", "--bootstrap-servers", wallet.bootstrapServers(),
                        "--jdbc-url", wallet.jdbcUrl(), "--rebuild-schema", "rebuild_3", "--old-schema", "old_3");
            } finally {
                sending.set(false);
                load.join();
            }
            writePath.awaitTerminal(sent);
            writePath.stop();

            assertThat(rebuild.exitCode()).isZero();
            final OpsRun audit = OpsRun.of("audit", "--bootstrap-servers", wallet.bootstrapServers(), "--jdbc-url",
                    wallet.jdbcUrl(), "--processor-app-id", APP_ID, "--read-side-wait", "PT60S", "--json");
            assertThat(audit.exitCode()).isZero();
            assertThat(audit.json().get("notes").toString()).contains("exactly at the snapshot");
            assertThat(live.hasFailed()).isFalse();
        }
        assertThat(sent).isNotEmpty();
    }

    private static OpsRun audit() {
        return OpsRun.of("audit", "--bootstrap-servers", wallet.bootstrapServers(), "--jdbc-url", wallet.jdbcUrl(),
                "--processor-app-id", APP_ID, "--read-side-wait", "PT5S", "--json");
    }

    private static OpsRun rebuildProcessors(final String... extra) {
        final List<String> args = new ArrayList<>(List.of("rebuild-processors", "--bootstrap-servers",
                wallet.bootstrapServers(), "--processor-app-id", APP_ID, "--json"));
        args.addAll(List.of(extra));
        return OpsRun.of(args.toArray(String[]::new));
    }

    /** Appends a wrong balance for {@code accountId} to the processor's changelog, as a bug or bad restore would. */
    private static void corruptProcessorState(final String accountId) {
        final String changelog = ProcessorState.changelogTopic(APP_ID);
        try (KafkaProducer<String, StoredAccount> producer = new KafkaProducer<>(
                ExactlyOnce.producer(wallet.bootstrapServers()), new StringSerializer(),
                AvroSerde.of(StoredAccount.class).serializer())) {
            producer.send(new ProducerRecord<>(changelog, accountId,
                    new StoredAccount(StoredAccountType.USER, "USD", 999_999L, 2L, 0L)));
            producer.flush();
        }
    }

    private static long count(final String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(wallet.jdbcUrl(), "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void execute(final String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(wallet.jdbcUrl(), "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long single(final PreparedStatement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
