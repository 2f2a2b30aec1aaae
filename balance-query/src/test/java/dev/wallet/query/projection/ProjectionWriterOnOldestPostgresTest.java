package dev.wallet.query.projection;

import dev.wallet.query.support.OtherPostgres;
import java.nio.file.Path;
import java.util.UUID;

/**
 * {@link ProjectionWriterTest}'s tests on PostgreSQL 15, the oldest server the read side accepts
 * ({@code ServerVersionCheck}): the migrations and the version check run on it, and the writes by
 * {@code MERGE} count their rows and answer a concurrent insert there as they do on 17.
 */
class ProjectionWriterOnOldestPostgresTest extends ProjectionWriterTest {

    @Override
    Server startServer() {
        final OtherPostgres postgres = OtherPostgres.start(expectedMajorVersion(),
                Path.of("target", "pg-oldest-writer-" + UUID.randomUUID()).toAbsolutePath());
        return new Server(postgres.r2dbcUrl(), postgres.jdbcUrl(), OtherPostgres.USER, postgres);
    }

    @Override
    int expectedMajorVersion() {
        return 15;
    }
}
