package dev.wallet.ops.readside;

import dev.wallet.query.projection.ProjectionWriter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The read side's PostgreSQL as the rebuild uses it: JDBC for migrations, checks and the swap;
 * the read side's own R2DBC {@link ProjectionWriter} for the rows, bound to one schema through the
 * connections' search_path.
 *
 * @param jdbcUrl e.g. {@code jdbc:postgresql://127.0.0.1:54320/postgres}
 */
public record ReadModelDatabase(String jdbcUrl, String user, String password) {

    /** Bound on opening a connection. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** A JDBC connection. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    /** Creates {@code schema} and applies the read side's Flyway migrations in it. */
    public void migrate(final String schema) {
        Flyway.configure()
                .dataSource(jdbcUrl, user, password)
                .schemas(schema)
                .defaultSchema(schema)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    /** A pool of R2DBC connections whose search_path is {@code schema}. Dispose it after use. */
    public ConnectionPool pool(final String schema) {
        final ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(r2dbcUrl()).mutate()
                .option(ConnectionFactoryOptions.USER, user)
                .option(ConnectionFactoryOptions.PASSWORD, password == null ? "" : password)
                .option(ConnectionFactoryOptions.CONNECT_TIMEOUT, CONNECT_TIMEOUT)
                .option(Option.valueOf("schema"), schema)
                .build();
        return new ConnectionPool(ConnectionPoolConfiguration.builder(ConnectionFactories.get(options))
                .name("wallet-ops-" + schema)
                .initialSize(1)
                .maxSize(2)
                .maxAcquireTime(CONNECT_TIMEOUT)
                .build());
    }

    /** The read side's projection writer over {@code pool}. */
    public static ProjectionWriter writer(final ConnectionPool pool) {
        return new ProjectionWriter(DatabaseClient.create(pool),
                TransactionalOperator.create(new R2dbcTransactionManager(pool)), new SimpleMeterRegistry());
    }

    /** The R2DBC form of the JDBC URL (query parameters dropped). */
    String r2dbcUrl() {
        final String withoutPrefix = jdbcUrl.substring("jdbc:".length());
        final int query = withoutPrefix.indexOf('?');
        return "r2dbc:" + (query < 0 ? withoutPrefix : withoutPrefix.substring(0, query));
    }
}
