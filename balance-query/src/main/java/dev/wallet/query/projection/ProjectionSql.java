package dev.wallet.query.projection;

/**
 * The projection's SQL: one multi-row statement per table over {@code unnest} of arrays, each
 * idempotent, so that a redelivered or replayed batch changes nothing. Times travel as epoch
 * milliseconds ({@code bigint[]}) and become {@code timestamptz} in SQL. The arrays arrive in
 * PostgreSQL's binary format ({@link dev.wallet.query.postgres.BinaryArray}), already of the type
 * each cast names.
 *
 * <p>The arrays are unnested in a select list ({@code SELECT unnest($1) AS a, unnest($2) AS s, ...}),
 * which PostgreSQL runs in step, row by row, with the same rows as {@code FROM unnest($1, $2, ...)}
 * but without first copying them into a tuple store: about a tenth less PostgreSQL CPU per
 * transfer, measured (README, "Throughput").
 */
final class ProjectionSql {

    /** Ledger rows are facts keyed by (account, sequence): the first write wins, repeats are no-ops. */
    static final String INSERT_LEDGER = """
            INSERT INTO ledger_entries (account_id, sequence, transaction_id, step, kind, amount_minor,
                                        requested_minor, balance_after_minor, currency, reason, occurred_at)
            SELECT a, s, t, st, k, am, rq, ba, c, r, timestamptz 'epoch' + o * interval '1 millisecond'
            FROM (SELECT unnest($1::text[]) AS a, unnest($2::bigint[]) AS s, unnest($3::text[]) AS t,
                         unnest($4::text[]) AS st, unnest($5::text[]) AS k, unnest($6::bigint[]) AS am,
                         unnest($7::bigint[]) AS rq, unnest($8::bigint[]) AS ba, unnest($9::text[]) AS c,
                         unnest($10::text[]) AS r, unnest($11::bigint[]) AS o) AS u
            ON CONFLICT (account_id, sequence) DO NOTHING
            """;

    /**
     * Balances move forward in sequence only; the type and opening time fill in whenever AccountOpened is seen.
     * A {@code MERGE}, not {@code INSERT ... ON CONFLICT DO UPDATE}: it updates a matched row without
     * first locking it with a WAL record of its own and inserts a new one without a speculative
     * insert to confirm: 7–9% less WAL per transfer, measured (README, "Account and transfer rows by
     * MERGE"). Unlike {@code ON CONFLICT} it does not wait out a concurrent insert of the same key
     * but fails with a unique violation, which {@link ProjectionWriter} answers by writing the batch again.
     */
    static final String MERGE_ACCOUNTS = """
            MERGE INTO accounts AS acc
            USING (SELECT a, c, ty, b, s, timestamptz 'epoch' + op * interval '1 millisecond' AS opened,
                          timestamptz 'epoch' + up * interval '1 millisecond' AS updated
                   FROM (SELECT unnest($1::text[]) AS a, unnest($2::text[]) AS c, unnest($3::text[]) AS ty,
                                unnest($4::bigint[]) AS b, unnest($5::bigint[]) AS s, unnest($6::bigint[]) AS op,
                                unnest($7::bigint[]) AS up) AS x) AS u
            ON acc.account_id = u.a
            WHEN MATCHED AND (u.s > acc.sequence OR (acc.account_type IS NULL AND u.ty IS NOT NULL)) THEN UPDATE SET
                balance_minor = CASE WHEN u.s > acc.sequence THEN u.b ELSE acc.balance_minor END,
                updated_at    = CASE WHEN u.s > acc.sequence THEN u.updated ELSE acc.updated_at END,
                sequence      = GREATEST(acc.sequence, u.s),
                account_type  = COALESCE(acc.account_type, u.ty),
                opened_at     = COALESCE(acc.opened_at, u.opened)
            WHEN NOT MATCHED THEN INSERT (account_id, currency, account_type, balance_minor, sequence, opened_at,
                                          updated_at)
                VALUES (u.a, u.c, u.ty, u.b, u.s, u.opened, u.updated)
            """;

    static final String INSERT_UNKNOWN_ACCOUNT_REJECTIONS = """
            INSERT INTO unknown_account_rejections (account_id, transaction_id, step, kind, reason, requested_minor,
                                                    currency, occurred_at)
            SELECT a, t, st, k, r, rq, c, timestamptz 'epoch' + o * interval '1 millisecond'
            FROM (SELECT unnest($1::text[]) AS a, unnest($2::text[]) AS t, unnest($3::text[]) AS st,
                         unnest($4::text[]) AS k, unnest($5::text[]) AS r, unnest($6::bigint[]) AS rq,
                         unnest($7::text[]) AS c, unnest($8::bigint[]) AS o) AS u
            ON CONFLICT (account_id, transaction_id, step) DO NOTHING
            """;

    /** The batch's transfer rows, one per transaction, as a query both transfer statements read from. */
    private static final String TRANSFER_SOURCE = """
            SELECT t, fa, ta, am, c, ph, rk, r, rf, ss, ds,
                   timestamptz 'epoch' + rq * interval '1 millisecond' AS rq,
                   timestamptz 'epoch' + dl * interval '1 millisecond' AS dl,
                   timestamptz 'epoch' + ac * interval '1 millisecond' AS ac,
                   timestamptz 'epoch' + fi * interval '1 millisecond' AS fi,
                   timestamptz 'epoch' + up * interval '1 millisecond' AS up
            FROM (SELECT unnest($1::text[]) AS t, unnest($2::text[]) AS fa, unnest($3::text[]) AS ta,
                         unnest($4::bigint[]) AS am, unnest($5::text[]) AS c, unnest($6::text[]) AS ph,
                         unnest($7::smallint[]) AS rk, unnest($8::text[]) AS r, unnest($9::boolean[]) AS rf,
                         unnest($10::bigint[]) AS ss, unnest($11::bigint[]) AS ds, unnest($12::bigint[]) AS rq,
                         unnest($13::bigint[]) AS dl, unnest($14::bigint[]) AS ac, unnest($15::bigint[]) AS fi,
                         unnest($16::bigint[]) AS up) AS x
            """;

    private static final String TRANSFER_COLUMNS = """
            (transaction_id, from_account, to_account, amount_minor, currency, phase, phase_rank, reason, refunded,
             source_sequence, destination_sequence, requested_at, deadline_at, accepted_at, finished_at, updated_at)
            """;

    /**
     * The phase moves forward only: a higher rank replaces it (terminal has the highest rank, so it
     * never changes); facts carried by a single event kind (sequences, request times) fill in once.
     * A row that would not change is not rewritten (a redelivery or replay writes no new version).
     * A {@code MERGE} for the reasons given at {@link #MERGE_ACCOUNTS}.
     */
    static final String MERGE_TRANSFERS = "MERGE INTO transfers AS tr USING (" + TRANSFER_SOURCE + """
            ) AS u
            ON tr.transaction_id = u.t
            WHEN MATCHED AND (u.rk > tr.phase_rank
                   OR (tr.source_sequence IS NULL AND u.ss IS NOT NULL)
                   OR (tr.destination_sequence IS NULL AND u.ds IS NOT NULL)
                   OR (tr.requested_at IS NULL AND u.rq IS NOT NULL)
                   OR (tr.deadline_at IS NULL AND u.dl IS NOT NULL)
                   OR (tr.accepted_at IS NULL AND u.ac IS NOT NULL)) THEN UPDATE SET
                phase       = CASE WHEN u.rk > tr.phase_rank THEN u.ph ELSE tr.phase END,
                reason      = CASE WHEN u.rk > tr.phase_rank THEN u.r ELSE tr.reason END,
                refunded    = CASE WHEN u.rk > tr.phase_rank THEN u.rf ELSE tr.refunded END,
                finished_at = CASE WHEN u.rk > tr.phase_rank THEN u.fi ELSE tr.finished_at END,
                updated_at  = CASE WHEN u.rk > tr.phase_rank THEN u.up ELSE tr.updated_at END,
                phase_rank  = GREATEST(tr.phase_rank, u.rk),
                source_sequence      = COALESCE(tr.source_sequence, u.ss),
                destination_sequence = COALESCE(tr.destination_sequence, u.ds),
                requested_at = COALESCE(tr.requested_at, u.rq),
                deadline_at  = COALESCE(tr.deadline_at, u.dl),
                accepted_at  = COALESCE(tr.accepted_at, u.ac)
            WHEN NOT MATCHED THEN INSERT """ + TRANSFER_COLUMNS + """
                VALUES (u.t, u.fa, u.ta, u.am, u.c, u.ph, u.rk, u.r, u.rf, u.ss, u.ds, u.rq, u.dl, u.ac, u.fi, u.up)
            """;

    /** A transfer known only from a duplicate: shown as the duplicate reports it, never updated by one. */
    static final String INSERT_TRANSFERS_IF_ABSENT = "INSERT INTO transfers " + TRANSFER_COLUMNS + TRANSFER_SOURCE + """
            ON CONFLICT (transaction_id) DO NOTHING
            """;

    static final String INSERT_DUPLICATES = """
            INSERT INTO transfer_duplicates (kafka_partition, kafka_offset, transaction_id, kind, conflicting_from_account,
                                             conflicting_to_account, conflicting_amount_minor, conflicting_currency,
                                             occurred_at)
            SELECT p, o, t, k, fa, ta, am, c, timestamptz 'epoch' + at * interval '1 millisecond'
            FROM (SELECT unnest($1::integer[]) AS p, unnest($2::bigint[]) AS o, unnest($3::text[]) AS t,
                         unnest($4::text[]) AS k, unnest($5::text[]) AS fa, unnest($6::text[]) AS ta,
                         unnest($7::bigint[]) AS am, unnest($8::text[]) AS c, unnest($9::bigint[]) AS at) AS u
            ON CONFLICT (kafka_partition, kafka_offset) DO NOTHING
            """;

    static final String UPSERT_PROGRESS = """
            INSERT INTO projection_progress (topic, kafka_partition, next_offset, last_event_at, updated_at)
            SELECT tp, p, o, timestamptz 'epoch' + at * interval '1 millisecond', now()
            FROM (SELECT unnest($1::text[]) AS tp, unnest($2::integer[]) AS p, unnest($3::bigint[]) AS o,
                         unnest($4::bigint[]) AS at) AS u
            ON CONFLICT (topic, kafka_partition) DO UPDATE SET
                next_offset   = GREATEST(projection_progress.next_offset, excluded.next_offset),
                last_event_at = GREATEST(projection_progress.last_event_at, excluded.last_event_at),
                updated_at    = excluded.updated_at
            """;

    private ProjectionSql() {
    }
}
