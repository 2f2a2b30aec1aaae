package dev.wallet.query.projection;

/**
 * The projection's SQL: one multi-row statement per table over {@code unnest} of arrays, each
 * idempotent, so that a redelivered or replayed batch changes nothing. Times travel as epoch
 * milliseconds ({@code bigint[]}) and become {@code timestamptz} in SQL.
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

    /** Balances move forward in sequence only; the type and opening time fill in whenever AccountOpened is seen. */
    static final String UPSERT_ACCOUNTS = """
            INSERT INTO accounts (account_id, currency, account_type, balance_minor, sequence, opened_at, updated_at)
            SELECT a, c, ty, b, s, timestamptz 'epoch' + op * interval '1 millisecond',
                   timestamptz 'epoch' + up * interval '1 millisecond'
            FROM (SELECT unnest($1::text[]) AS a, unnest($2::text[]) AS c, unnest($3::text[]) AS ty,
                         unnest($4::bigint[]) AS b, unnest($5::bigint[]) AS s, unnest($6::bigint[]) AS op,
                         unnest($7::bigint[]) AS up) AS u
            ON CONFLICT (account_id) DO UPDATE SET
                balance_minor = CASE WHEN excluded.sequence > accounts.sequence
                                     THEN excluded.balance_minor ELSE accounts.balance_minor END,
                updated_at    = CASE WHEN excluded.sequence > accounts.sequence
                                     THEN excluded.updated_at ELSE accounts.updated_at END,
                sequence      = GREATEST(accounts.sequence, excluded.sequence),
                account_type  = COALESCE(accounts.account_type, excluded.account_type),
                opened_at     = COALESCE(accounts.opened_at, excluded.opened_at)
            WHERE excluded.sequence > accounts.sequence
               OR (accounts.account_type IS NULL AND excluded.account_type IS NOT NULL)
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

    private static final String TRANSFER_ROWS = """
            INSERT INTO transfers (transaction_id, from_account, to_account, amount_minor, currency, phase, phase_rank,
                                   reason, refunded, source_sequence, destination_sequence, requested_at, deadline_at,
                                   accepted_at, finished_at, updated_at)
            SELECT t, fa, ta, am, c, ph, rk, r, rf, ss, ds,
                   timestamptz 'epoch' + rq * interval '1 millisecond',
                   timestamptz 'epoch' + dl * interval '1 millisecond',
                   timestamptz 'epoch' + ac * interval '1 millisecond',
                   timestamptz 'epoch' + fi * interval '1 millisecond',
                   timestamptz 'epoch' + up * interval '1 millisecond'
            FROM (SELECT unnest($1::text[]) AS t, unnest($2::text[]) AS fa, unnest($3::text[]) AS ta,
                         unnest($4::bigint[]) AS am, unnest($5::text[]) AS c, unnest($6::text[]) AS ph,
                         unnest($7::smallint[]) AS rk, unnest($8::text[]) AS r, unnest($9::boolean[]) AS rf,
                         unnest($10::bigint[]) AS ss, unnest($11::bigint[]) AS ds, unnest($12::bigint[]) AS rq,
                         unnest($13::bigint[]) AS dl, unnest($14::bigint[]) AS ac, unnest($15::bigint[]) AS fi,
                         unnest($16::bigint[]) AS up) AS u
            """;

    /**
     * The phase moves forward only: a higher rank replaces it (terminal has the highest rank, so it
     * never changes); facts carried by a single event kind (sequences, request times) fill in once.
     * A row that would not change is not rewritten (a redelivery or replay writes no new version).
     */
    static final String UPSERT_TRANSFERS = TRANSFER_ROWS + """
            ON CONFLICT (transaction_id) DO UPDATE SET
                phase       = CASE WHEN excluded.phase_rank > transfers.phase_rank THEN excluded.phase ELSE transfers.phase END,
                reason      = CASE WHEN excluded.phase_rank > transfers.phase_rank THEN excluded.reason ELSE transfers.reason END,
                refunded    = CASE WHEN excluded.phase_rank > transfers.phase_rank THEN excluded.refunded ELSE transfers.refunded END,
                finished_at = CASE WHEN excluded.phase_rank > transfers.phase_rank THEN excluded.finished_at ELSE transfers.finished_at END,
                updated_at  = CASE WHEN excluded.phase_rank > transfers.phase_rank THEN excluded.updated_at ELSE transfers.updated_at END,
                phase_rank  = GREATEST(transfers.phase_rank, excluded.phase_rank),
                source_sequence      = COALESCE(transfers.source_sequence, excluded.source_sequence),
                destination_sequence = COALESCE(transfers.destination_sequence, excluded.destination_sequence),
                requested_at = COALESCE(transfers.requested_at, excluded.requested_at),
                deadline_at  = COALESCE(transfers.deadline_at, excluded.deadline_at),
                accepted_at  = COALESCE(transfers.accepted_at, excluded.accepted_at)
            WHERE excluded.phase_rank > transfers.phase_rank
               OR (transfers.source_sequence IS NULL AND excluded.source_sequence IS NOT NULL)
               OR (transfers.destination_sequence IS NULL AND excluded.destination_sequence IS NOT NULL)
               OR (transfers.requested_at IS NULL AND excluded.requested_at IS NOT NULL)
               OR (transfers.deadline_at IS NULL AND excluded.deadline_at IS NOT NULL)
               OR (transfers.accepted_at IS NULL AND excluded.accepted_at IS NOT NULL)
            """;

    /** A transfer known only from a duplicate: shown as the duplicate reports it, never updated by one. */
    static final String INSERT_TRANSFERS_IF_ABSENT = TRANSFER_ROWS + """
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
