package dev.wallet.ops.support;

import dev.wallet.ops.readside.ReadModelDatabase;
import dev.wallet.query.projection.EventProjector;
import dev.wallet.query.projection.ProjectionLag;
import dev.wallet.query.projection.ProjectionMetrics;
import dev.wallet.query.projection.ProjectionProperties;
import dev.wallet.schemas.kafka.ExactlyOnce;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.util.UUID;

/**
 * balance-query's own projector, running as the live service runs it: its own consumer group, and
 * connections with the default search_path (unqualified table names, as the service uses them).
 */
public final class LiveProjector implements AutoCloseable {

    private final ConnectionPool pool;
    private final EventProjector projector;

    /** @param r2dbcUrl e.g. {@code r2dbc:postgresql://localhost:5432/postgres} */
    public LiveProjector(final String bootstrapServers, final String r2dbcUrl) {
        final ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(r2dbcUrl).mutate()
                .option(ConnectionFactoryOptions.USER, "postgres")
                .option(ConnectionFactoryOptions.PASSWORD, "")
                .build();
        this.pool = new ConnectionPool(ConnectionPoolConfiguration.builder(ConnectionFactories.get(options))
                .maxSize(2).build());
        final ProjectionLag lag = new ProjectionLag();
        final ProjectionProperties properties = new ProjectionProperties(true, "live-" + UUID.randomUUID(), 500,
                100, 100, 500, 30_000, 1000, 10_000);
        this.projector = new EventProjector(ExactlyOnce.readCommitted(bootstrapServers, properties.groupId()),
                ReadModelDatabase.writer(pool), new ProjectionMetrics(new SimpleMeterRegistry(), lag), lag,
                properties);
    }

    public void start() {
        projector.start();
    }

    public boolean hasFailed() {
        return projector.hasFailed();
    }

    @Override
    public void close() {
        try {
            projector.stop();
        } finally {
            pool.dispose();
        }
    }
}
