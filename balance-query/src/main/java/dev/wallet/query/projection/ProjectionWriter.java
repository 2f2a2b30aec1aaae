package dev.wallet.query.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.r2dbc.spi.R2dbcException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Writes one {@link ProjectionBatch} in one database transaction: every table's rows, and the
 * partitions' progress, become durable together or not at all.
 */
public final class ProjectionWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionWriter.class);

    /** PostgreSQL's SQLSTATE for a unique violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * How often a batch is written again, straight away, after another writer's insert of one of its
     * keys made it fail; after that the failure goes to the caller, whose retries back off.
     */
    static final int UNIQUE_VIOLATION_RETRIES = 5;

    private final DatabaseClient db;
    private final TransactionalOperator transaction;
    private final MeterRegistry registry;
    private final Counter rewrites;

    public ProjectionWriter(final DatabaseClient db, final TransactionalOperator transaction,
                            final MeterRegistry registry) {
        this.db = db;
        this.transaction = transaction;
        this.registry = registry;
        this.rewrites = Counter.builder("wallet.projection.batch.rewrites")
                .description("Batches written again at once because another writer inserted one of their keys "
                        + "meanwhile (a rebalance overlap, or a read-side rebuild catching up)").register(registry);
    }

    /**
     * Writes the batch; emits the number of rows inserted or updated once the transaction committed.
     *
     * <p>The account and transfer rows are written with {@code MERGE}, which fails with a unique
     * violation where another transaction inserted the same key after the statement began: two workers
     * writing for one partition across a rebalance, or {@code wallet-ops rebuild-read-side} catching up
     * beside the live projector. The whole transaction is then rolled back and written again at once:
     * the rows are idempotent, and the second time the key is there to update.
     */
    public Mono<Long> write(final ProjectionBatch batch) {
        return Mono.defer(() -> transaction.transactional(statements(batch).reduce(0L, Long::sum)))
                .retryWhen(Retry.max(UNIQUE_VIOLATION_RETRIES)
                        .filter(ProjectionWriter::isUniqueViolation)
                        .doBeforeRetry(retry -> {
                            rewrites.increment();
                            LOG.warn("Another writer inserted a row of this batch at the same time (a rebalance "
                                    + "overlap, or a rebuild catching up); writing the batch again: {}",
                                    uniqueViolationIn(retry.failure()).getMessage());
                        })
                        .onRetryExhaustedThrow((spec, retry) -> retry.failure()));
    }

    private Flux<Long> statements(final ProjectionBatch batch) {
        return Flux.concat(
                ledger(batch.ledgerRows()),
                accounts(batch.accountRows()),
                unknownAccounts(batch.unknownAccountRows()),
                transfers(ProjectionSql.MERGE_TRANSFERS, batch.transferRows()),
                transfers(ProjectionSql.INSERT_TRANSFERS_IF_ABSENT, batch.duplicateOnlyTransferRows()),
                duplicates(batch.duplicateRows()),
                progress(batch.progressRows()));
    }

    /** True when the failure, or one of its causes, is PostgreSQL's unique violation. */
    static boolean isUniqueViolation(final Throwable failure) {
        return uniqueViolationIn(failure) != null;
    }

    /** The driver's unique-violation error among the failure and its causes, or null. */
    private static R2dbcException uniqueViolationIn(final Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof R2dbcException r2dbc && UNIQUE_VIOLATION.equals(r2dbc.getSqlState())) {
                return r2dbc;
            }
        }
        return null;
    }

    private Mono<Long> ledger(final List<LedgerRow> rows) {
        return execute("ledger_entries", ProjectionSql.INSERT_LEDGER, rows,
                column(rows, LedgerRow::accountId, String[]::new),
                column(rows, LedgerRow::sequence, Long[]::new),
                column(rows, LedgerRow::transactionId, String[]::new),
                column(rows, LedgerRow::step, String[]::new),
                column(rows, r -> r.kind().name(), String[]::new),
                column(rows, LedgerRow::amountMinor, Long[]::new),
                column(rows, LedgerRow::requestedMinor, Long[]::new),
                column(rows, LedgerRow::balanceAfterMinor, Long[]::new),
                column(rows, LedgerRow::currency, String[]::new),
                column(rows, LedgerRow::reason, String[]::new),
                column(rows, LedgerRow::occurredAtMs, Long[]::new));
    }

    private Mono<Long> accounts(final List<AccountRow> rows) {
        return execute("accounts", ProjectionSql.MERGE_ACCOUNTS, rows,
                column(rows, AccountRow::accountId, String[]::new),
                column(rows, AccountRow::currency, String[]::new),
                column(rows, AccountRow::accountType, String[]::new),
                column(rows, AccountRow::balanceMinor, Long[]::new),
                column(rows, AccountRow::sequence, Long[]::new),
                column(rows, AccountRow::openedAtMs, Long[]::new),
                column(rows, AccountRow::updatedAtMs, Long[]::new));
    }

    private Mono<Long> unknownAccounts(final List<UnknownAccountRow> rows) {
        return execute("unknown_account_rejections", ProjectionSql.INSERT_UNKNOWN_ACCOUNT_REJECTIONS, rows,
                column(rows, UnknownAccountRow::accountId, String[]::new),
                column(rows, UnknownAccountRow::transactionId, String[]::new),
                column(rows, UnknownAccountRow::step, String[]::new),
                column(rows, r -> r.kind().name(), String[]::new),
                column(rows, UnknownAccountRow::reason, String[]::new),
                column(rows, UnknownAccountRow::requestedMinor, Long[]::new),
                column(rows, UnknownAccountRow::currency, String[]::new),
                column(rows, UnknownAccountRow::occurredAtMs, Long[]::new));
    }

    private Mono<Long> transfers(final String sql, final List<TransferRow> rows) {
        return execute("transfers", sql, rows,
                column(rows, TransferRow::transactionId, String[]::new),
                column(rows, TransferRow::fromAccount, String[]::new),
                column(rows, TransferRow::toAccount, String[]::new),
                column(rows, TransferRow::amountMinor, Long[]::new),
                column(rows, TransferRow::currency, String[]::new),
                column(rows, TransferRow::phase, String[]::new),
                column(rows, r -> (short) r.phaseRank(), Short[]::new),
                column(rows, TransferRow::reason, String[]::new),
                column(rows, TransferRow::refunded, Boolean[]::new),
                column(rows, TransferRow::sourceSequence, Long[]::new),
                column(rows, TransferRow::destinationSequence, Long[]::new),
                column(rows, TransferRow::requestedAtMs, Long[]::new),
                column(rows, TransferRow::deadlineAtMs, Long[]::new),
                column(rows, TransferRow::acceptedAtMs, Long[]::new),
                column(rows, TransferRow::finishedAtMs, Long[]::new),
                column(rows, TransferRow::updatedAtMs, Long[]::new));
    }

    private Mono<Long> duplicates(final List<DuplicateRow> rows) {
        return execute("transfer_duplicates", ProjectionSql.INSERT_DUPLICATES, rows,
                column(rows, DuplicateRow::partition, Integer[]::new),
                column(rows, DuplicateRow::offset, Long[]::new),
                column(rows, DuplicateRow::transactionId, String[]::new),
                column(rows, DuplicateRow::kind, String[]::new),
                column(rows, DuplicateRow::conflictingFromAccount, String[]::new),
                column(rows, DuplicateRow::conflictingToAccount, String[]::new),
                column(rows, DuplicateRow::conflictingAmountMinor, Long[]::new),
                column(rows, DuplicateRow::conflictingCurrency, String[]::new),
                column(rows, DuplicateRow::occurredAtMs, Long[]::new));
    }

    private Mono<Long> progress(final List<ProgressRow> rows) {
        return execute("projection_progress", ProjectionSql.UPSERT_PROGRESS, rows,
                column(rows, ProgressRow::topic, String[]::new),
                column(rows, ProgressRow::partition, Integer[]::new),
                column(rows, ProgressRow::nextOffset, Long[]::new),
                column(rows, ProgressRow::lastEventAtMs, Long[]::new));
    }

    private Mono<Long> execute(final String table, final String sql, final List<?> rows, final Object... columns) {
        if (rows.isEmpty()) {
            return Mono.just(0L);
        }
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql);
        for (int i = 0; i < columns.length; i++) {
            spec = spec.bind(i, columns[i]);
        }
        final Timer timer = Timer.builder("wallet.projection.statement")
                .description("Time of one multi-row statement of a batch, per table").tag("table", table)
                .register(registry);
        return spec.fetch().rowsUpdated().elapsed().map(timed -> {
            timer.record(Duration.ofMillis(timed.getT1()));
            return timed.getT2();
        });
    }

    private static <R, T> T[] column(final List<R> rows, final Function<R, T> field,
                                     final java.util.function.IntFunction<T[]> array) {
        final T[] values = array.apply(rows.size());
        for (int i = 0; i < values.length; i++) {
            values[i] = field.apply(rows.get(i));
        }
        return values;
    }
}
