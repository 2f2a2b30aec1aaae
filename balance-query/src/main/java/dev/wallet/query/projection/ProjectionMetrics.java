package dev.wallet.query.projection;

import dev.wallet.schemas.topics.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The projector's meters: what an operator asks in an incident (is it behind, is it writing, is it
 * skipping anything).
 */
public final class ProjectionMetrics {

    private final MeterRegistry registry;
    private final Counter events;
    private final Counter rows;
    private final Counter batches;
    private final Counter repeated;
    private final Counter writeFailures;
    private final Timer batchWrite;

    public ProjectionMetrics(final MeterRegistry registry, final ProjectionLag lag) {
        this.registry = registry;
        this.events = Counter.builder("wallet.projection.events")
                .description("Events projected into PostgreSQL (both topics)").register(registry);
        this.rows = Counter.builder("wallet.projection.rows")
                .description("Rows inserted or updated by the projection; its rate is rows/s").register(registry);
        this.batches = Counter.builder("wallet.projection.batches")
                .description("Batches committed to PostgreSQL").register(registry);
        this.repeated = Counter.builder("wallet.projection.repeated.events")
                .description("Account events that repeat an earlier outcome and add no ledger entry")
                .register(registry);
        this.writeFailures = Counter.builder("wallet.projection.write.failures")
                .description("Batch writes that failed and were retried (database down or slow)").register(registry);
        this.batchWrite = Timer.builder("wallet.projection.batch.write")
                .description("Time to write and commit one batch").register(registry);
        for (final String topic : new String[] {Topics.ACCOUNT_EVENTS.name(), Topics.TRANSFER_EVENTS.name()}) {
            Gauge.builder("wallet.projection.lag.records", lag, l -> l.gaugeValue(topic))
                    .description("Records not yet projected (end offset minus projected position); -1 unknown")
                    .tag("topic", topic).register(registry);
        }
    }

    void batchWritten(final ProjectionBatch batch, final long rowsWritten, final Duration took) {
        events.increment(batch.events());
        repeated.increment(batch.repeatedEvents());
        rows.increment(rowsWritten);
        batches.increment();
        batchWrite.record(took);
    }

    void writeFailed() {
        writeFailures.increment();
    }

    void poisonRecord(final String topic) {
        Counter.builder("wallet.projection.poison.records")
                .description("Records skipped because they could not be deserialized or hold values the tables refuse")
                .tag("topic", topic).register(registry).increment();
    }
}
