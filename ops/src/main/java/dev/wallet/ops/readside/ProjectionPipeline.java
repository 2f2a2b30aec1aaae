package dev.wallet.ops.readside;

import dev.wallet.query.projection.ProjectionBatch;
import dev.wallet.query.projection.ProjectionWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * Writes polls as projection batches, one database transaction each, strictly one after the
 * other; the next poll is fetched and decoded while the previous batch is written.
 */
final class ProjectionPipeline {

    /** Bound on one batch's write; a database that hangs fails the rebuild instead of stalling it. */
    static final Duration WRITE_TIMEOUT = Duration.ofMinutes(2);

    private final ProjectionWriter writer;
    private final BatchBuilder builder;
    private CompletableFuture<Long> inFlight;
    private long rows;

    ProjectionPipeline(final ProjectionWriter writer, final BatchBuilder builder) {
        this.writer = writer;
        this.builder = builder;
    }

    /** Decodes {@code records}, waits for the previous batch, then starts writing this one. */
    void accept(final ConsumerRecords<byte[], byte[]> records) {
        final ProjectionBatch batch = builder.batchOf(records);
        finish();
        inFlight = writer.write(batch).toFuture();
    }

    /** Waits for the batch in flight. */
    void finish() {
        if (inFlight == null) {
            return;
        }
        try {
            final Long written = inFlight.get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            rows += written == null ? 0 : written;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Writing a batch to the read side failed: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Writing a batch to the read side took longer than " + WRITE_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing to the read side.", e);
        } finally {
            inFlight = null;
        }
    }

    /** Rows inserted or updated so far. */
    long rows() {
        return rows;
    }
}
