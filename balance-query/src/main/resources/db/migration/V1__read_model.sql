-- The wallet's read model: a projection of wallet.account-events and wallet.transfer-events.
-- Money is bigint minor units of the row's currency (cents for USD, yen for JPY).

-- One row per account: its latest projected state. Moves forward in sequence only.
CREATE TABLE accounts (
    account_id    text        PRIMARY KEY,
    currency      char(3)     NOT NULL,
    account_type  text,                           -- USER or SYSTEM; null until AccountOpened is projected
    balance_minor bigint      NOT NULL,           -- balance after the event with this sequence
    sequence      bigint      NOT NULL,           -- the account's last projected ledger sequence
    opened_at     timestamptz,                    -- occurred_at of AccountOpened
    updated_at    timestamptz NOT NULL            -- occurred_at of the event with this sequence
);

-- The ledger: one row per account event with a sequence (rejections included; repeats excluded).
CREATE TABLE ledger_entries (
    account_id          text        NOT NULL,
    sequence            bigint      NOT NULL,
    transaction_id      text        NOT NULL,
    step                text        NOT NULL,     -- OPEN, DEBIT, CREDIT, REFUND
    kind                text        NOT NULL,     -- OPENED, OPEN_REJECTED, DEBITED, DEBIT_REJECTED, CREDITED,
                                                  -- CREDIT_REJECTED, REFUNDED, NOTHING_TO_REFUND
    amount_minor        bigint      NOT NULL,     -- money moved, signed: debit < 0, credit/refund > 0, else 0
    requested_minor     bigint      NOT NULL,     -- amount the command asked for (0 for opens)
    balance_after_minor bigint      NOT NULL,
    currency            char(3)     NOT NULL,
    reason              text,                     -- rejection reason; null unless *_REJECTED
    occurred_at         timestamptz NOT NULL,
    PRIMARY KEY (account_id, sequence)
);
-- Balance at an instant: the newest entry of an account at or before it.
CREATE INDEX ledger_entries_account_time ON ledger_entries (account_id, occurred_at, sequence);
CREATE INDEX ledger_entries_transaction ON ledger_entries (transaction_id);

-- Rejections for accounts that do not exist (sequence 0): no ledger entry of any account, kept for support.
CREATE TABLE unknown_account_rejections (
    account_id      text        NOT NULL,
    transaction_id  text        NOT NULL,
    step            text        NOT NULL,
    kind            text        NOT NULL,
    reason          text        NOT NULL,
    requested_minor bigint      NOT NULL,
    currency        char(3)     NOT NULL,
    occurred_at     timestamptz NOT NULL,
    PRIMARY KEY (account_id, transaction_id, step)
);

-- One row per transfer; phase moves forward only (ACCEPTED < DEBITED < COMPENSATING < COMPLETED | FAILED).
CREATE TABLE transfers (
    transaction_id       text        PRIMARY KEY,
    from_account         text        NOT NULL,
    to_account           text        NOT NULL,
    amount_minor         bigint      NOT NULL,
    currency             char(3)     NOT NULL,
    phase                text        NOT NULL,
    phase_rank           smallint    NOT NULL,    -- 1 ACCEPTED, 2 DEBITED, 3 COMPENSATING, 4 COMPLETED/FAILED
    reason               text,                    -- failure reason (FAILED), or the one it will fail with (COMPENSATING)
    refunded             boolean,                 -- FAILED only: the debit was given back
    source_sequence      bigint,                  -- ledger sequence of the debit in from_account
    destination_sequence bigint,                  -- ledger sequence of the credit in to_account
    requested_at         timestamptz,
    deadline_at          timestamptz,
    accepted_at          timestamptz,
    finished_at          timestamptz,             -- when it became COMPLETED or FAILED
    updated_at           timestamptz NOT NULL     -- occurred_at of the event that set the phase
);
CREATE INDEX transfers_from_account ON transfers (from_account);
CREATE INDEX transfers_to_account ON transfers (to_account);

-- Repeated requests of a known transaction_id (same payload: DUPLICATE; other payload: CONFLICT, refused).
-- Keyed by the event's place in wallet.transfer-events so a replay adds nothing.
CREATE TABLE transfer_duplicates (
    kafka_partition          integer     NOT NULL,
    kafka_offset             bigint      NOT NULL,
    transaction_id           text        NOT NULL,
    kind                     text        NOT NULL, -- DUPLICATE or CONFLICT
    conflicting_from_account text,
    conflicting_to_account   text,
    conflicting_amount_minor bigint,
    conflicting_currency     char(3),
    occurred_at              timestamptz NOT NULL,
    PRIMARY KEY (kafka_partition, kafka_offset)
);
CREATE INDEX transfer_duplicates_transaction ON transfer_duplicates (transaction_id);

-- How far the projection is, per topic partition; written in the same transaction as the rows.
CREATE TABLE projection_progress (
    topic           text        NOT NULL,
    kafka_partition integer     NOT NULL,
    next_offset     bigint      NOT NULL,
    last_event_at   timestamptz NOT NULL,          -- newest occurred_at projected from this partition
    updated_at      timestamptz NOT NULL,
    PRIMARY KEY (topic, kafka_partition)
);
