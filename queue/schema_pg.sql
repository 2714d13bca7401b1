-- kakanai record queue: the PostgreSQL schema (the town hall's shared queue), as numbered
-- migrations. Same tables and meaning as schema.sql (SQLite), minus the kiosk outbox tables;
-- BIGINT for unix milliseconds and counters, BYTEA for ciphertexts and MACs.
--
-- Each section starting with a line "-- migration N" moves kakanai_schema.version N-1 to N;
-- queue/src/schema.cpp applies the missing ones in one transaction (under the writers' lock).
-- Append new migrations at the end; never edit a released one. Nothing personal is stored in
-- clear: kakanai encrypts before sending (see schema.sql), so the server never sees it.

-- migration 1
CREATE TABLE secrets (
    purpose TEXT PRIMARY KEY,
    key_id TEXT NOT NULL,
    wrapped BYTEA NOT NULL
);

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('reviewer', 'supervisor', 'admin')),
    salt BYTEA NOT NULL,
    hash BYTEA NOT NULL,
    scrypt_n BIGINT NOT NULL,
    scrypt_r BIGINT NOT NULL,
    scrypt_p BIGINT NOT NULL,
    failed_logins BIGINT NOT NULL DEFAULT 0,
    disabled BIGINT NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE records (
    id TEXT PRIMARY KEY,
    template_id TEXT NOT NULL,
    template_version BIGINT NOT NULL,
    procedure TEXT NOT NULL,
    kiosk_id TEXT NOT NULL,
    language TEXT NOT NULL,
    counter_group TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('submitted', 'claimed', 'approved', 'returned',
        'rejected', 'printed', 'exported', 'purged')),
    ticket TEXT NOT NULL,
    ticket_day TEXT NOT NULL,
    ticket_number BIGINT NOT NULL,
    submission_digest BYTEA NOT NULL,
    key_id TEXT,
    wrapped_key BYTEA,
    payload BYTEA,
    my_number BYTEA,
    submitted_at BIGINT NOT NULL,
    claimed_by TEXT REFERENCES users (id),
    claimed_at BIGINT,
    first_claimed_at BIGINT,
    lease_until BIGINT,
    claim_count BIGINT NOT NULL DEFAULT 0,
    decided_by TEXT REFERENCES users (id),
    decided_at BIGINT,
    reason BYTEA,
    finished_at BIGINT,
    purged_at BIGINT,
    updated_at BIGINT NOT NULL,
    visit_id TEXT,
    card_read_at BIGINT,
    outcome TEXT CHECK (outcome IN ('approved', 'returned', 'rejected')),
    UNIQUE (counter_group, ticket_day, ticket_number)
);
CREATE INDEX records_by_status ON records (status, submitted_at);
CREATE INDEX records_by_day ON records (ticket_day, procedure);
CREATE UNIQUE INDEX records_ticket_unique ON records (ticket_day, ticket);

CREATE TABLE corrections (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    record_id TEXT NOT NULL REFERENCES records (id),
    at BIGINT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id),
    field TEXT NOT NULL,
    old_value BYTEA,
    new_value BYTEA,
    reason BYTEA
);
CREATE INDEX corrections_by_record ON corrections (record_id, seq);

CREATE TABLE audit (
    seq BIGINT PRIMARY KEY,
    at BIGINT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    record_id TEXT,
    detail TEXT NOT NULL DEFAULT '',
    mac BYTEA NOT NULL
);
CREATE TABLE audit_head (
    one BIGINT PRIMARY KEY CHECK (one = 1),
    seq BIGINT NOT NULL,
    mac BYTEA NOT NULL
);
CREATE FUNCTION kakanai_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END
$$;
CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit
    FOR EACH ROW EXECUTE FUNCTION kakanai_audit_append_only();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
    FOR EACH STATEMENT EXECUTE FUNCTION kakanai_audit_append_only();

-- migration 2
-- One ticket covers a visit (schema.sql migration 5): a ticket text names one visit a day, not
-- one record; Store::importSealed refuses a text another visit holds.
DROP INDEX records_ticket_unique;
CREATE INDEX records_by_ticket ON records (ticket_day, ticket);
