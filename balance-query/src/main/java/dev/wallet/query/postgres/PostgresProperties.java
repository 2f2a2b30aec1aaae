package dev.wallet.query.postgres;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the read model lives ({@code wallet.postgres.*}).
 *
 * @param embedded      start a local PostgreSQL 17 (zonky binaries) inside this service; default
 *                      true. When false, {@code spring.r2dbc.url}, {@code spring.r2dbc.username} and
 *                      {@code spring.r2dbc.password} name the server.
 * @param dataDir       data directory of the embedded server, relative to the working directory;
 *                      default {@code .data/postgres}. It survives restarts.
 * @param port          port of the embedded server; default 54320. 0 picks a free port once and keeps
 *                      it for restarts of the same process.
 * @param startupWaitMs how long the embedded server may take to accept connections; default 30000
 * @param jdbcUrl       JDBC URL Flyway migrates through when not embedded; default derived from
 *                      {@code spring.r2dbc.url} ({@code r2dbc:} replaced by {@code jdbc:})
 * @param poolMaxSize   R2DBC connection pool size; default 10
 * @param connectRetries how often Flyway retries to reach the database at start-up (with a growing
 *                      pause, at most 120 s) before the service gives up; default 10
 */
@ConfigurationProperties("wallet.postgres")
public record PostgresProperties(
        @DefaultValue("true") boolean embedded,
        @DefaultValue(".data/postgres") String dataDir,
        @DefaultValue("54320") int port,
        @DefaultValue("30000") long startupWaitMs,
        @DefaultValue("") String jdbcUrl,
        @DefaultValue("10") int poolMaxSize,
        @DefaultValue("10") int connectRetries) {
}
