package dev.wallet.query.postgres;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Brings the read model's schema up to date with Flyway (over JDBC, once, before anything reads or writes). */
public final class SchemaMigrations {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);

    private SchemaMigrations() {
    }

    /**
     * Applies the migrations under {@code classpath:db/migration} that the database has not seen yet,
     * after checking the server is new enough ({@link ServerVersionCheck}).
     */
    public static void migrate(final PostgresEndpoint endpoint, final int connectRetries) {
        final MigrateResult result = Flyway.configure()
                .dataSource(endpoint.jdbcUrl(), endpoint.username(), endpoint.password())
                .locations("classpath:db/migration")
                // A database that is still starting is waited for rather than failing the service.
                .connectRetries(connectRetries)
                .callbacks(new ServerVersionCheck())
                .load()
                .migrate();
        LOG.info("Read model schema is at version {} ({} migrations applied now).",
                result.targetSchemaVersion, result.migrationsExecuted);
    }
}
