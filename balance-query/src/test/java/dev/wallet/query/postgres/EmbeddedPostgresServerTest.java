package dev.wallet.query.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The embedded server on a fixed data directory, across a {@code kill -9} of the process that started it. */
class EmbeddedPostgresServerTest {

    private static final Duration CHILD_READY_MAX = Duration.ofSeconds(90);

    @Test
    void shouldStartOnTheDataOfAServerLeftRunningByAKilledProcess() throws Exception {
        final Path dataDir = Path.of("target", "pg-stale-" + UUID.randomUUID()).toAbsolutePath();
        final int port = freePort();
        final Process child = startChild(dataDir, port);
        try {
            awaitReady(child);
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            assertThat(dataDir.resolve("postmaster.pid")).exists();

            try (EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDir, port, Duration.ofSeconds(60))) {
                server.start();

                assertThat(server.port()).isEqualTo(port);
                assertThat(keptValue(server)).isEqualTo("survived");
            }
        } finally {
            child.destroyForcibly();
            // If the test failed before the new server took over, do not leave the orphan running.
            StalePostmaster.stopIfRunning(dataDir, Duration.ofSeconds(30));
        }
    }

    @Test
    void shouldRunWithFsyncAndSynchronousCommitOn() throws Exception {
        final Path dataDir = Path.of("target", "pg-durable-" + UUID.randomUUID()).toAbsolutePath();
        try (EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDir, 0, Duration.ofSeconds(60))) {
            server.start();

            assertThat(setting(server, "fsync")).isEqualTo("on");
            assertThat(setting(server, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(server, "data_directory")).isEqualTo(dataDir.toString());
        }
    }

    private static String setting(final EmbeddedPostgresServer server, final String name) throws Exception {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.USER, "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static Process startChild(final Path dataDir, final int port) throws Exception {
        final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                PostgresChild.class.getName(), dataDir.toString(), Integer.toString(port))
                .redirectErrorStream(true).start();
    }

    private static void awaitReady(final Process child) throws Exception {
        final CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.contains(PostgresChild.READY)) {
                        return true;
                    }
                }
                return false;
            } catch (java.io.IOException e) {
                return false;
            }
        });
        assertThat(ready.get(CHILD_READY_MAX.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    }

    private static String keptValue(final EmbeddedPostgresServer server) throws Exception {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.USER, "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT v FROM kept")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
