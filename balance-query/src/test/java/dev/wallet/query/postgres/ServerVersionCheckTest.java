package dev.wallet.query.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wallet.query.support.OtherPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.UUID;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

/** The version check alone, and in front of the migrations on a real PostgreSQL 14 (15 and 17: ProjectionWriterTest). */
class ServerVersionCheckTest {

    private static final String URL = "jdbc:postgresql://db.example:5432/wallet";

    @Test
    void shouldRefuseAServerOlderThanFifteenNamingItAndWhy() {
        assertThatThrownBy(() -> ServerVersionCheck.require(14, "14.13", URL))
                .isInstanceOf(FlywayException.class)
                .hasMessageContaining("PostgreSQL 15 or later")
                .hasMessageContaining("MERGE")
                .hasMessageContaining(URL)
                .hasMessageContaining("14.13");
    }

    @Test
    void shouldAcceptFifteenAndLater() {
        assertThatCode(() -> ServerVersionCheck.require(15, "15.14", URL)).doesNotThrowAnyException();
        assertThatCode(() -> ServerVersionCheck.require(17, "17.6", URL)).doesNotThrowAnyException();
    }

    @Test
    void shouldLeaveARealPostgres14WithoutAnyOfTheReadModel() throws Exception {
        try (OtherPostgres postgres = OtherPostgres.start(14,
                Path.of("target", "pg-14-" + UUID.randomUUID()).toAbsolutePath())) {
            final PostgresEndpoint endpoint = new PostgresEndpoint(postgres.r2dbcUrl(), postgres.jdbcUrl(),
                    OtherPostgres.USER, "");

            assertThatThrownBy(() -> SchemaMigrations.migrate(endpoint, 3))
                    .isInstanceOf(FlywayException.class)
                    .hasMessageContaining("PostgreSQL 15 or later")
                    .hasMessageContaining(postgres.jdbcUrl())
                    .hasMessageMatching("(?s).* is 14\\.\\d+.*");
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), OtherPostgres.USER, "");
                 ResultSet tables = connection.createStatement().executeQuery(
                         "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history'")) {
                tables.next();
                assertThat(tables.getLong(1)).isZero();
            }
        }
    }
}
