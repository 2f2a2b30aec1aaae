package dev.wallet.query.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deals with a PostgreSQL server that an earlier process of this service left running on the same
 * data directory: after {@code kill -9} of the JVM the postmaster child survives, keeps the port and
 * the data directory, and a new start would fail. It is asked to shut down fast (SIGINT: a clean
 * checkpoint, no crash recovery) before the new server starts.
 */
final class StalePostmaster {

    private static final Logger LOG = LoggerFactory.getLogger(StalePostmaster.class);

    private StalePostmaster() {
    }

    /**
     * Stops the server named by {@code postmaster.pid} in {@code dataDir} if it is still running.
     * A pid file whose process is gone is left to PostgreSQL, which recognises it as stale itself.
     */
    static void stopIfRunning(final Path dataDir, final Duration shutdownWait) throws IOException {
        final Optional<ProcessHandle> running = runningPostmaster(dataDir);
        if (running.isEmpty()) {
            return;
        }
        final long pid = running.get().pid();
        LOG.warn("A PostgreSQL server (pid {}) left running by an earlier process still owns data directory {}; "
                + "asking it to shut down before starting a new one.", pid, dataDir);
        signalFastShutdown(pid);
        awaitExit(running.get(), shutdownWait);
        LOG.info("The earlier PostgreSQL server (pid {}) has shut down.", pid);
    }

    private static Optional<ProcessHandle> runningPostmaster(final Path dataDir) throws IOException {
        final Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        final List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            return Optional.empty();
        }
        final long pid = Long.parseLong(lines.get(0).trim());
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                // A recycled pid of an unrelated process must never be signalled.
                .filter(handle -> handle.info().command().map(c -> c.contains("postgres")).orElse(false));
    }

    private static void signalFastShutdown(final long pid) throws IOException {
        try {
            final Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
                throw new IOException("kill -INT " + pid + " did not return within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while signalling PostgreSQL pid " + pid, e);
        }
    }

    private static void awaitExit(final ProcessHandle handle, final Duration shutdownWait) throws IOException {
        try {
            handle.onExit().get(shutdownWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException("PostgreSQL pid " + handle.pid() + " did not shut down within " + shutdownWait, e);
        } catch (ExecutionException e) {
            throw new IOException("waiting for PostgreSQL pid " + handle.pid() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for PostgreSQL pid " + handle.pid(), e);
        }
    }
}
