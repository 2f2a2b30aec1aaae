package dev.wallet.benchmark.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.benchmark.report.BaselineResult;
import dev.wallet.benchmark.workload.AccountPicker;
import dev.wallet.benchmark.workload.AmountDistribution;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The baseline's SQL against a real PostgreSQL 17: small runs bounded by count, never by time. */
class PostgresBaselineTest {

    private static final Duration NO_TIME_BOUND = Duration.ofHours(1);

    @TempDir
    static Path dataDir;

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(true)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void shouldConserveMoneyAndRecordEveryCommittedTransfer() throws Exception {
        final BaselineResult result = PostgresBaseline.run(postgres.getPostgresDatabase(), settings(
                50, 4, 250, "hot:0.1:0.5", "lognormal:7:1", 1_000_000));

        assertThat(result.committed() + result.declined()).isEqualTo(4 * 250);
        assertThat(result.moneyConserved()).isTrue();
        assertThat(result.latency().count()).isEqualTo(1_000);
        assertThat(result.serverSettings()).containsEntry("fsync", "on").containsEntry("synchronous_commit", "on");
        assertThat(result.postgresVersion()).startsWith("17");
        assertThat(count("SELECT count(*) FROM transfers")).isEqualTo(result.committed());
        assertThat(count("SELECT sum(balance) FROM accounts")).isEqualTo(50L * 1_000_000);
    }

    @Test
    void shouldDeclineWithoutMovingMoneyWhenTheSourceIsShort() throws Exception {
        // Opening balances of 1,000 and amounts of 500..1,500: many transfers must be declined.
        final BaselineResult result = PostgresBaseline.run(postgres.getPostgresDatabase(), settings(
                20, 4, 200, "uniform", "uniform:500:1500", 1_000));

        assertThat(result.declined()).isPositive();
        assertThat(result.committed() + result.declined()).isEqualTo(800);
        assertThat(result.moneyConserved()).isTrue();
        assertThat(count("SELECT count(*) FROM accounts WHERE balance < 0")).isZero();
        assertThat(count("SELECT count(*) FROM transfers")).isEqualTo(result.committed());
        assertThat(count("SELECT sum(balance) FROM accounts")).isEqualTo(20L * 1_000);
    }

    private static PostgresBaseline.Settings settings(final int accounts, final int clients, final long perClient,
                                                      final String skew, final String amounts, final long opening) {
        return new PostgresBaseline.Settings(accounts, clients, NO_TIME_BOUND, perClient,
                AccountPicker.parse(skew, accounts), AmountDistribution.parse(amounts, 100_000), opening, 1, dataDir);
    }

    private static long count(final String sql) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
