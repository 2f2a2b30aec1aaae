package dev.wallet.query.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default local PostgreSQL 17: a real server process from zonky's binaries, on a fixed data
 * directory that survives restarts, with {@code fsync} and {@code synchronous_commit} on (zonky's
 * test defaults turn both off, which would make a committed projection batch losable).
 *
 * <p>It can be stopped and started again on the same data directory and port, which is how the
 * tests take the database away from a running projector.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** The embedded server's superuser and database; it listens on localhost only. */
    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration STALE_SERVER_SHUTDOWN_WAIT = Duration.ofSeconds(60);

    private final Path dataDir;
    private final Duration startupWait;
    private volatile int port;
    private EmbeddedPostgres postgres;

    /**
     * @param dataDir     data directory; created and initialised on first start, reused afterwards
     * @param port        port to listen on; 0 picks a free port at first start and keeps it
     * @param startupWait how long the server may take to accept connections
     */
    public EmbeddedPostgresServer(final Path dataDir, final int port, final Duration startupWait) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.port = port;
        this.startupWait = startupWait;
    }

    /** Starts the server; a server left running on the same data directory is shut down first. */
    public synchronized void start() {
        if (postgres != null) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            StalePostmaster.stopIfRunning(dataDir, STALE_SERVER_SHUTDOWN_WAIT);
            final EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    // The owner stops the server (Spring destroys this bean after the projector has
                    // stopped); zonky's own JVM hook would stop it while the projector still writes.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(startupWait);
            if (port != 0) {
                builder.setPort(port);
            }
            postgres = builder.start();
            port = postgres.getPort();
            LOG.info("Embedded PostgreSQL is running on port {} with data directory {}.", port, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL on " + dataDir, e);
        }
    }

    /** Stops the server (fast shutdown, data kept). */
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
            LOG.info("Embedded PostgreSQL on port {} has stopped.", port);
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop embedded PostgreSQL on " + dataDir, e);
        } finally {
            postgres = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String r2dbcUrl() {
        return "r2dbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }
}
