package dev.wallet.query.postgres;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Wires the database: the embedded server when {@code wallet.postgres.embedded=true} (default),
 * otherwise the server of {@code spring.r2dbc.url}; migrations run before the pool is handed out.
 */
@Configuration(proxyBeanMethods = false)
public class PostgresConfiguration {

    /** Longest wait for a pooled connection; a down database fails a request or batch within it. */
    static final Duration ACQUIRE_TIMEOUT = Duration.ofSeconds(5);
    /**
     * Longest wait for a pooled connection's {@code SELECT 1}. A connection still busy with a query
     * whose caller gave up fails it and is dropped, instead of holding each later acquire for the
     * whole {@link #ACQUIRE_TIMEOUT} and going back to the pool after it.
     */
    static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(2);

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "wallet.postgres.embedded", havingValue = "true", matchIfMissing = true)
    EmbeddedPostgresServer embeddedPostgresServer(final PostgresProperties properties) {
        final EmbeddedPostgresServer server = new EmbeddedPostgresServer(
                Path.of(properties.dataDir()), properties.port(), Duration.ofMillis(properties.startupWaitMs()));
        server.start();
        return server;
    }

    @Bean
    PostgresEndpoint postgresEndpoint(final ObjectProvider<EmbeddedPostgresServer> embedded,
                                      final PostgresProperties properties,
                                      @Value("${spring.r2dbc.url:}") final String r2dbcUrl,
                                      @Value("${spring.r2dbc.username:postgres}") final String username,
                                      @Value("${spring.r2dbc.password:}") final String password) {
        final EmbeddedPostgresServer server = embedded.getIfAvailable();
        if (server != null) {
            return new PostgresEndpoint(server.r2dbcUrl(), server.jdbcUrl(), EmbeddedPostgresServer.USER, "");
        }
        if (r2dbcUrl.isBlank()) {
            throw new IllegalStateException("wallet.postgres.embedded=false needs spring.r2dbc.url");
        }
        final String jdbcUrl = properties.jdbcUrl().isBlank()
                ? PostgresEndpoint.jdbcUrlOf(r2dbcUrl) : properties.jdbcUrl();
        return new PostgresEndpoint(r2dbcUrl, jdbcUrl, username, password);
    }

    @Bean(destroyMethod = "dispose")
    ConnectionPool connectionFactory(final PostgresEndpoint endpoint, final PostgresProperties properties) {
        SchemaMigrations.migrate(endpoint, properties.connectRetries());
        final ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(endpoint.r2dbcUrl()).mutate()
                .option(ConnectionFactoryOptions.USER, endpoint.username())
                .option(ConnectionFactoryOptions.PASSWORD, endpoint.password())
                .option(ConnectionFactoryOptions.CONNECT_TIMEOUT, ACQUIRE_TIMEOUT)
                .build();
        return new ConnectionPool(ConnectionPoolConfiguration.builder(ConnectionFactories.get(options))
                .name("wallet-read-model")
                .maxSize(properties.poolMaxSize())
                .initialSize(1)
                .maxAcquireTime(ACQUIRE_TIMEOUT)
                .maxCreateConnectionTime(ACQUIRE_TIMEOUT)
                // After a database restart pooled connections are dead; validate before handing one out.
                .validationQuery("SELECT 1")
                .maxValidationTime(VALIDATION_TIMEOUT)
                .maxIdleTime(Duration.ofMinutes(5))
                .build());
    }

    @Bean
    DatabaseClient databaseClient(final ConnectionPool connectionFactory) {
        return DatabaseClient.create(connectionFactory);
    }

    @Bean
    R2dbcTransactionManager transactionManager(final ConnectionPool connectionFactory) {
        return new R2dbcTransactionManager(connectionFactory);
    }

    @Bean
    TransactionalOperator transactionalOperator(final R2dbcTransactionManager transactionManager) {
        return TransactionalOperator.create(transactionManager);
    }
}
