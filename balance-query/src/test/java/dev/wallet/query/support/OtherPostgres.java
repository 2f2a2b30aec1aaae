package dev.wallet.query.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A real PostgreSQL of another major version than the embedded default (17), started from zonky's
 * binaries of that version: 15, the oldest the read side accepts ({@code ServerVersionCheck}), and
 * 14, which it refuses. The build copies their jars to {@code target/other-postgres/} and names each
 * in the system property {@code wallet.test.postgres-<major>-binaries} (balance-query's pom). It
 * stands for "any other server by URL": tests reach it by its JDBC and R2DBC URLs only.
 */
public final class OtherPostgres implements AutoCloseable {

    /** The user and database zonky's server has. */
    public static final String USER = "postgres";

    private static final String ARCHIVE = "postgres-linux-x86_64.txz";

    private final EmbeddedPostgres postgres;

    private OtherPostgres(final EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts PostgreSQL {@code majorVersion} on a free port with a new data directory at {@code dataDir}. */
    public static OtherPostgres start(final int majorVersion, final Path dataDir) {
        final Path binaries = binaries(majorVersion);
        try {
            Files.createDirectories(dataDir);
            return new OtherPostgres(EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(true)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setPgBinaryResolver((system, hardware) -> archive(binaries))
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL from " + binaries, e);
        }
    }

    private static Path binaries(final int majorVersion) {
        final String property = "wallet.test.postgres-" + majorVersion + "-binaries";
        final String jar = System.getProperty(property);
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("PostgreSQL " + majorVersion + "'s binaries are not at " + property + "="
                    + jar + "; run the tests through Maven, which copies them to target/other-postgres/.");
        }
        return Path.of(jar);
    }

    /** The binaries' archive, read whole: zonky hashes it, then unpacks it once under the temp directory. */
    private static InputStream archive(final Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            final ZipEntry entry = zip.getEntry(ARCHIVE);
            if (entry == null) {
                throw new IOException(jar + " holds no " + ARCHIVE);
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return new ByteArrayInputStream(in.readAllBytes());
            }
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    public String r2dbcUrl() {
        return "r2dbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop PostgreSQL on port " + postgres.getPort(), e);
        }
    }
}
