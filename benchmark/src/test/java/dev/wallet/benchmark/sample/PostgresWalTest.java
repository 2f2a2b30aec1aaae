package dev.wallet.benchmark.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The WAL counters of a real PostgreSQL 17 move with what it writes and with its checkpoints. */
class PostgresWalTest {

    @TempDir
    static Path dataDir;

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(true).start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void shouldCountTheWalOfWritesAndTheFullPagesAfterACheckpoint() throws Exception {
        final PostgresWal wal = new PostgresWal(postgres.getJdbcUrl("postgres", "postgres"));
        sql("CREATE TABLE IF NOT EXISTS rows (id int PRIMARY KEY, amount bigint)");
        sql("INSERT INTO rows SELECT i, 0 FROM generate_series(1, 1000) i ON CONFLICT DO NOTHING");
        final Map<String, Double> before = wal.read();

        sql("CHECKPOINT");
        sql("UPDATE rows SET amount = amount + 1");
        final Map<String, Double> after = wal.read();

        assertThat(after.get(PostgresWal.BYTES)).isGreaterThan(before.get(PostgresWal.BYTES));
        assertThat(after.get(PostgresWal.RECORDS) - before.get(PostgresWal.RECORDS)).isGreaterThanOrEqualTo(1_000);
        assertThat(after.get(PostgresWal.FULL_PAGE_IMAGES)).isGreaterThan(before.get(PostgresWal.FULL_PAGE_IMAGES));
        assertThat(after.get(PostgresWal.CHECKPOINTS) - before.get(PostgresWal.CHECKPOINTS)).isEqualTo(1);
        assertThat(after).containsKey(PostgresWal.BUFFERS_FULL);
    }

    @Test
    void shouldAnswerNothingWhenTheServerIsNotThere() {
        final PostgresWal wal = new PostgresWal("jdbc:postgresql://127.0.0.1:1/postgres?user=postgres&connectTimeout=2");

        assertThat(wal.read()).isEmpty();
    }

    private static void sql(final String statement) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }
}
