package dev.wallet.query.projection;

import dev.wallet.query.postgres.BinaryArray;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.r2dbc.spi.R2dbcException;
import java.time.Duration;
import java.util.List;
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
        final R2dbcException error = databaseErrorIn(failure);
        return error != null && UNIQUE_VIOLATION.equals(error.getSqlState()) ? error : null;
    }

    /** The first error PostgreSQL answered with (one with an SQLSTATE) among the failure and its causes, or null. */
    static R2dbcException databaseErrorIn(final Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof R2dbcException r2dbc && r2dbc.getSqlState() != null) {
                return r2dbc;
            }
        }
        return null;
    }

    private Mono<Long> ledger(final List<LedgerRow> rows) {
        return execute("ledger_entries", ProjectionSql.INSERT_LEDGER, rows,
                BinaryArray.ofTexts(rows, LedgerRow::accountId),
                BinaryArray.ofBigints(rows, LedgerRow::sequence),
                BinaryArray.ofTexts(rows, LedgerRow::transactionId),
                BinaryArray.ofTexts(rows, LedgerRow::step),
                BinaryArray.ofTexts(rows, r -> r.kind().name()),
                BinaryArray.ofBigints(rows, LedgerRow::amountMinor),
                BinaryArray.ofBigints(rows, LedgerRow::requestedMinor),
                BinaryArray.ofBigints(rows, LedgerRow::balanceAfterMinor),
                BinaryArray.ofTexts(rows, LedgerRow::currency),
                BinaryArray.ofTexts(rows, LedgerRow::reason),
                BinaryArray.ofBigints(rows, LedgerRow::occurredAtMs));
    }

    private Mono<Long> accounts(final List<AccountRow> rows) {
        return execute("accounts", ProjectionSql.MERGE_ACCOUNTS, rows,
                BinaryArray.ofTexts(rows, AccountRow::accountId),
                BinaryArray.ofTexts(rows, AccountRow::currency),
                BinaryArray.ofTexts(rows, AccountRow::accountType),
                BinaryArray.ofBigints(rows, AccountRow::balanceMinor),
                BinaryArray.ofBigints(rows, AccountRow::sequence),
                BinaryArray.ofBigints(rows, AccountRow::openedAtMs),
                BinaryArray.ofBigints(rows, AccountRow::updatedAtMs));
    }

    private Mono<Long> unknownAccounts(final List<UnknownAccountRow> rows) {
        return execute("unknown_account_rejections", ProjectionSql.INSERT_UNKNOWN_ACCOUNT_REJECTIONS, rows,
                BinaryArray.ofTexts(rows, UnknownAccountRow::accountId),
                BinaryArray.ofTexts(rows, UnknownAccountRow::transactionId),
                BinaryArray.ofTexts(rows, UnknownAccountRow::step),
                BinaryArray.ofTexts(rows, r -> r.kind().name()),
                BinaryArray.ofTexts(rows, UnknownAccountRow::reason),
                BinaryArray.ofBigints(rows, UnknownAccountRow::requestedMinor),
                BinaryArray.ofTexts(rows, UnknownAccountRow::currency),
                BinaryArray.ofBigints(rows, UnknownAccountRow::occurredAtMs));
    }

    private Mono<Long> transfers(final String sql, final List<TransferRow> rows) {
        return execute("transfers", sql, rows,
                BinaryArray.ofTexts(rows, TransferRow::transactionId),
                BinaryArray.ofTexts(rows, TransferRow::fromAccount),
                BinaryArray.ofTexts(rows, TransferRow::toAccount),
                BinaryArray.ofBigints(rows, TransferRow::amountMinor),
                BinaryArray.ofTexts(rows, TransferRow::currency),
                BinaryArray.ofTexts(rows, TransferRow::phase),
                BinaryArray.ofSmallints(rows, r -> (short) r.phaseRank()),
                BinaryArray.ofTexts(rows, TransferRow::reason),
                BinaryArray.ofBooleans(rows, TransferRow::refunded),
                BinaryArray.ofBigints(rows, TransferRow::sourceSequence),
                BinaryArray.ofBigints(rows, TransferRow::destinationSequence),
                BinaryArray.ofBigints(rows, TransferRow::requestedAtMs),
                BinaryArray.ofBigints(rows, TransferRow::deadlineAtMs),
                BinaryArray.ofBigints(rows, TransferRow::acceptedAtMs),
                BinaryArray.ofBigints(rows, TransferRow::finishedAtMs),
                BinaryArray.ofBigints(rows, TransferRow::updatedAtMs));
    }

    private Mono<Long> duplicates(final List<DuplicateRow> rows) {
        return execute("transfer_duplicates", ProjectionSql.INSERT_DUPLICATES, rows,
                BinaryArray.ofIntegers(rows, DuplicateRow::partition),
                BinaryArray.ofBigints(rows, DuplicateRow::offset),
                BinaryArray.ofTexts(rows, DuplicateRow::transactionId),
                BinaryArray.ofTexts(rows, DuplicateRow::kind),
                BinaryArray.ofTexts(rows, DuplicateRow::conflictingFromAccount),
                BinaryArray.ofTexts(rows, DuplicateRow::conflictingToAccount),
                BinaryArray.ofBigints(rows, DuplicateRow::conflictingAmountMinor),
                BinaryArray.ofTexts(rows, DuplicateRow::conflictingCurrency),
                BinaryArray.ofBigints(rows, DuplicateRow::occurredAtMs));
    }

    private Mono<Long> progress(final List<ProgressRow> rows) {
        return execute("projection_progress", ProjectionSql.UPSERT_PROGRESS, rows,
                BinaryArray.ofTexts(rows, ProgressRow::topic),
                BinaryArray.ofIntegers(rows, ProgressRow::partition),
                BinaryArray.ofBigints(rows, ProgressRow::nextOffset),
                BinaryArray.ofBigints(rows, ProgressRow::lastEventAtMs));
    }

    private Mono<Long> execute(final String table, final String sql, final List<?> rows, final BinaryArray... columns) {
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
}
