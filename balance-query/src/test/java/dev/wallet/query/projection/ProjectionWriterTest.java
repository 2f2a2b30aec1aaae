package dev.wallet.query.projection;

import static dev.wallet.query.support.Events.at;
import static dev.wallet.query.support.Events.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wallet.query.postgres.EmbeddedPostgresServer;
import dev.wallet.query.postgres.PostgresEndpoint;
import dev.wallet.query.postgres.SchemaMigrations;
import dev.wallet.query.support.Events;
import dev.wallet.query.support.ReadModelProbe;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The writer alone against a real PostgreSQL, the embedded default (17): what it counts, and a
 * concurrent writer's insert of one of its keys. {@link ProjectionWriterOnOldestPostgresTest} runs the
 * same tests on the oldest server the read side accepts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectionWriterTest {

    private static final Duration WRITE_MAX = Duration.ofSeconds(30);

    /** A server the tests reach by URL, and how to stop it. */
    record Server(String r2dbcUrl, String jdbcUrl, String user, AutoCloseable stop) {
    }

    private Server server;
    private DatabaseClient db;
    private TransactionalOperator transaction;

    private SimpleMeterRegistry meters;
    private ProjectionWriter writer;
    private ReadModelProbe probe;

    /** Starts the server under test: the embedded default. */
    Server startServer() {
        final EmbeddedPostgresServer postgres = new EmbeddedPostgresServer(
                Path.of("target", "pg-writer-" + UUID.randomUUID()).toAbsolutePath(), 0, Duration.ofSeconds(60));
        postgres.start();
        return new Server(postgres.r2dbcUrl(), postgres.jdbcUrl(), EmbeddedPostgresServer.USER, postgres);
    }

    @BeforeAll
    void startPostgres() {
        server = startServer();
        // The read side's own migrations, with its server version check before them.
        SchemaMigrations.migrate(new PostgresEndpoint(server.r2dbcUrl(), server.jdbcUrl(), server.user(), ""), 3);
        final ConnectionFactory connections = ConnectionFactories.get(ConnectionFactoryOptions
                .parse(server.r2dbcUrl()).mutate()
                .option(ConnectionFactoryOptions.USER, server.user()).build());
        db = DatabaseClient.create(connections);
        transaction = TransactionalOperator.create(new R2dbcTransactionManager(connections));
    }

    @AfterAll
    void stopPostgres() throws Exception {
        if (server != null) {
            server.stop().close();
        }
    }

    @BeforeEach
    void writer() {
        meters = new SimpleMeterRegistry();
        writer = new ProjectionWriter(db, transaction, meters);
        probe = new ReadModelProbe(db);
    }

    /** The major version the server under test has. */
    int expectedMajorVersion() {
        return 17;
    }

    @Test
    void shouldRunOnTheServerItMeansToTest() {
        final int versionNumber = Integer.parseInt(probe.rows("SELECT current_setting('server_version_num')").get(0));
        assertThat(versionNumber / 10_000).isEqualTo(expectedMajorVersion());
    }

    @Test
    void shouldCountEveryRowItInsertsOrUpdatesAndNoneItLeaves() {
        final String account = newId("alice");
        final String tx = newId("tx");
        final ProjectionBatch batch = new ProjectionBatch();
        batch.addAccountEvent(Events.opened(account, at(0)));
        batch.addAccountEvent(Events.credited(account, 2, 500, 500, tx, at(1)));
        batch.addTransferEvent(Events.accepted(tx, "bob", account, 500, at(0)), 0, 0);
        batch.addTransferEvent(Events.completed(tx, "bob", account, 500, 4, 2, at(1)), 0, 1);
        batch.addProgress("wallet.transfer-events", 0, 2, at(1).toEpochMilli());

        // Two ledger entries, one account row, one transfer row, one progress row.
        assertThat(writer.write(batch).block(WRITE_MAX)).isEqualTo(5);
        // Written again: only the progress row is touched; the merges find nothing to change.
        assertThat(writer.write(batch).block(WRITE_MAX)).isEqualTo(1);

        final ProjectionBatch newer = new ProjectionBatch();
        newer.addAccountEvent(Events.debited(account, 3, 200, 300, newId("tx"), at(2)));
        // One ledger entry and the account row moved on to sequence 3.
        assertThat(writer.write(newer).block(WRITE_MAX)).isEqualTo(2);
        assertThat(probe.rows("SELECT balance_minor, sequence, account_type FROM accounts WHERE account_id = $1",
                account)).containsExactly("200|3|USER");
    }

    @Test
    void shouldWriteTheBatchAgainWhenAnotherWriterInsertsOneOfItsKeysMeanwhile() throws Exception {
        final String account = newId("race");
        final ProjectionBatch batch = new ProjectionBatch();
        batch.addAccountEvent(Events.credited(account, 3, 700, 700, newId("tx"), at(3)));

        try (Connection other = DriverManager.getConnection(server.jdbcUrl(), server.user(), "")) {
            other.setAutoCommit(false);
            try (PreparedStatement insert = other.prepareStatement("INSERT INTO accounts (account_id, currency, "
                    + "balance_minor, sequence, updated_at) VALUES (?, 'EUR', 100, 1, now())")) {
                insert.setString(1, account);
                insert.executeUpdate();
            }
            final CompletableFuture<Long> written = writer.write(batch).toFuture();
            // The MERGE found no row for the key and now waits on the other transaction's insert of it.
            await().atMost(Duration.ofSeconds(30)).until(this::mergeWaitsOnALock);
            other.commit();

            assertThat(written.get(WRITE_MAX.toSeconds(), TimeUnit.SECONDS)).isEqualTo(2);
        }

        assertThat(meters.counter("wallet.projection.batch.rewrites").count()).isEqualTo(1);
        assertThat(probe.rows("SELECT balance_minor, sequence FROM accounts WHERE account_id = $1", account))
                .containsExactly("700|3");
        assertThat(probe.count("SELECT count(*) FROM ledger_entries WHERE account_id = $1", account)).isEqualTo(1);
    }

    @Test
    void shouldTellAUniqueViolationFromOtherFailures() {
        final var duplicate = new R2dbcDataIntegrityViolationException("duplicate key", "23505");
        final var notNull = new R2dbcDataIntegrityViolationException("null value", "23502");

        assertThat(ProjectionWriter.isUniqueViolation(
                new DuplicateKeyException("wrapped", duplicate))).isTrue();
        assertThat(ProjectionWriter.isUniqueViolation(notNull)).isFalse();
        assertThat(ProjectionWriter.isUniqueViolation(new IllegalStateException("no cause"))).isFalse();
    }

    private boolean mergeWaitsOnALock() throws Exception {
        try (Connection watcher = DriverManager.getConnection(server.jdbcUrl(), server.user(), "");
             ResultSet rows = watcher.createStatement().executeQuery("SELECT count(*) FROM pg_stat_activity "
                     + "WHERE wait_event_type = 'Lock' AND query LIKE 'MERGE INTO accounts%'")) {
            rows.next();
            return rows.getLong(1) > 0;
        }
    }
}
