package dev.wallet.query.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.springframework.r2dbc.core.DatabaseClient;

/** Looks into the read model's tables and waits (bounded) for the projection to catch up. */
public final class ReadModelProbe {

    public static final Duration CATCH_UP_MAX = Duration.ofSeconds(60);

    private final DatabaseClient db;

    public ReadModelProbe(final DatabaseClient db) {
        this.db = db;
    }

    /** Waits until every record now in the topics is durable in PostgreSQL (per projection_progress). */
    public void awaitProjected(final EventLog log) {
        final Map<TopicPartition, Long> ends = log.endOffsets();
        await().atMost(CATCH_UP_MAX).pollInterval(Duration.ofMillis(50)).until(() -> ends.entrySet().stream()
                .filter(end -> end.getValue() > 0)
                .allMatch(end -> nextOffset(end.getKey()) >= end.getValue()));
    }

    private long nextOffset(final TopicPartition partition) {
        return db.sql("SELECT next_offset FROM projection_progress WHERE topic = $1 AND kafka_partition = $2")
                .bind(0, partition.topic()).bind(1, partition.partition())
                .map(row -> row.get(0, Long.class)).one().defaultIfEmpty(-1L).block(Duration.ofSeconds(10));
    }

    /** Every row of a query as text, in the query's order: a snapshot to compare. */
    public List<String> rows(final String sql, final Object... binds) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql);
        for (int i = 0; i < binds.length; i++) {
            spec = spec.bind(i, binds[i]);
        }
        return spec.map((row, metadata) -> {
            final StringBuilder text = new StringBuilder();
            final int columns = metadata.getColumnMetadatas().size();
            for (int i = 0; i < columns; i++) {
                text.append(i == 0 ? "" : "|").append(row.get(i));
            }
            return text.toString();
        }).all().collectList().block(Duration.ofSeconds(10));
    }

    public long count(final String sql, final Object... binds) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql);
        for (int i = 0; i < binds.length; i++) {
            spec = spec.bind(i, binds[i]);
        }
        return spec.map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(10));
    }
}
