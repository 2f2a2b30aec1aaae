package dev.wallet.query.postgres;

/**
 * How to reach the read model's database: the R2DBC URL the service reads and writes through and
 * the JDBC URL Flyway migrates through.
 */
public record PostgresEndpoint(String r2dbcUrl, String jdbcUrl, String username, String password) {

    /** The JDBC URL of the same server, for a server named only by its R2DBC URL. */
    static String jdbcUrlOf(final String r2dbcUrl) {
        if (!r2dbcUrl.startsWith("r2dbc:")) {
            throw new IllegalArgumentException("spring.r2dbc.url must start with r2dbc: but is " + r2dbcUrl);
        }
        // r2dbc:postgresql://host:port/db and jdbc:postgresql://host:port/db share everything after the scheme.
        return "jdbc:" + r2dbcUrl.substring("r2dbc:".length());
    }
}
