package dev.wallet.benchmark.sample;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the write-ahead log counters of the read side's PostgreSQL: the WAL it has written
 * ({@code pg_stat_wal}, PostgreSQL 14 and later) and the checkpoints it has started
 * ({@code pg_stat_checkpointer}, PostgreSQL 17 and later). The counters are the whole server's, so
 * a step's difference is the read side's durable write volume when nothing else writes to it.
 * A checkpoint makes the next change to every page write the whole page into the WAL once (a full
 * page image), so the checkpoints in a step explain bursts of WAL.
 */
public final class PostgresWal {

    private static final Logger log = LoggerFactory.getLogger(PostgresWal.class);

    /** WAL records written. */
    public static final String RECORDS = "wal_records";
    /** Full page images written into the WAL. */
    public static final String FULL_PAGE_IMAGES = "wal_fpi";
    /** Bytes of WAL written. */
    public static final String BYTES = "wal_bytes";
    /** Times a backend wrote WAL itself because the WAL buffers were full. */
    public static final String BUFFERS_FULL = "wal_buffers_full";
    /**
     * Checkpoints due on schedule ({@code checkpoint_timeout}) or asked for (WAL near
     * {@code max_wal_size}, or by hand). PostgreSQL 17 counts a scheduled one it skipped because the
     * server was idle too; a step that writes is never idle.
     */
    public static final String CHECKPOINTS = "checkpoints";

    private static final String WAL_SQL =
            "SELECT wal_records, wal_fpi, wal_bytes::bigint AS wal_bytes, wal_buffers_full FROM pg_stat_wal";
    private static final String CHECKPOINTS_SQL =
            "SELECT num_timed + num_requested AS checkpoints FROM pg_stat_checkpointer";

    private final String jdbcUrl;
    private boolean checkpointsUnknown;

    /** Counters of the server at {@code jdbcUrl} (user and password in the URL when needed). */
    public PostgresWal(final String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /**
     * The counters now; empty when the server did not answer (logged, never fatal to the run), and
     * without {@link #CHECKPOINTS} on a server older than PostgreSQL 17.
     */
    public Map<String, Double> read() {
        final Map<String, Double> counters = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement()) {
            try (ResultSet wal = statement.executeQuery(WAL_SQL)) {
                if (wal.next()) {
                    for (final String column : new String[] {RECORDS, FULL_PAGE_IMAGES, BYTES, BUFFERS_FULL}) {
                        counters.put(column, (double) wal.getLong(column));
                    }
                }
            }
            if (!checkpointsUnknown) {
                try (ResultSet checkpoints = statement.executeQuery(CHECKPOINTS_SQL)) {
                    if (checkpoints.next()) {
                        counters.put(CHECKPOINTS, (double) checkpoints.getLong(CHECKPOINTS));
                    }
                } catch (SQLException e) {
                    checkpointsUnknown = true;
                    log.warn("No checkpoint counts from {} ({}); WAL figures only", jdbcUrl, e.getMessage());
                }
            }
        } catch (SQLException e) {
            log.warn("The read side's PostgreSQL did not answer at {} ({}); no WAL figures for this step", jdbcUrl,
                    e.getMessage());
            return Map.of();
        }
        return counters;
    }
}
