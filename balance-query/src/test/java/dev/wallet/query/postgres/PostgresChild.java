package dev.wallet.query.postgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;

/**
 * A separate JVM that starts the embedded server, writes one row, says READY and waits to be
 * killed with SIGKILL, which leaves its postgres child running (the situation after {@code kill -9}).
 */
public final class PostgresChild {

    public static final String READY = "POSTGRES-CHILD-READY";

    private PostgresChild() {
    }

    public static void main(final String[] args) throws Exception {
        final EmbeddedPostgresServer server = new EmbeddedPostgresServer(Path.of(args[0]), Integer.parseInt(args[1]),
                Duration.ofSeconds(60));
        server.start();
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (v text)");
            statement.execute("INSERT INTO kept VALUES ('survived')");
        }
        System.out.println(READY);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
