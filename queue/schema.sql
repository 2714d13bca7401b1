-- kakanai record queue: the SQLite schema, as numbered migrations.
--
-- Each section starting with a line "-- migration N" moves a database from PRAGMA user_version
-- N-1 to N; queue/src/migrate.cpp applies the missing ones in one transaction each and never
-- resets a database. Append new migrations at the end; never edit a released one.
--
-- Nothing personal is stored in clear: payloads, My Numbers, correction values and reasons are
-- AES-256-GCM ciphertexts (nonce || ciphertext || tag) under the record's data key, which is
-- itself wrapped by the master key (records.key_id names it).

-- migration 1
CREATE TABLE secrets (
    purpose TEXT PRIMARY KEY,          -- 'audit': the audit HMAC / digest secret
    key_id TEXT NOT NULL,              -- the master key that wraps it
    wrapped BLOB NOT NULL
) STRICT;

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('reviewer', 'supervisor', 'admin')),
    salt BLOB NOT NULL,
    hash BLOB NOT NULL,
    scrypt_n INTEGER NOT NULL,
    scrypt_r INTEGER NOT NULL,
    scrypt_p INTEGER NOT NULL,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE records (
    id TEXT PRIMARY KEY,               -- UUID chosen by the kiosk
    template_id TEXT NOT NULL,
    template_version INTEGER NOT NULL,
    procedure TEXT NOT NULL,
    kiosk_id TEXT NOT NULL,
    language TEXT NOT NULL,
    counter_group TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('submitted', 'claimed', 'approved', 'returned',
        'rejected', 'printed', 'exported', 'purged')),
    ticket TEXT NOT NULL,
    ticket_day TEXT NOT NULL,          -- local date of the ticket (YYYY-MM-DD)
    ticket_number INTEGER NOT NULL,
    submission_digest BLOB NOT NULL,   -- HMAC of the submission, for idempotent retries
    key_id TEXT,                       -- NULL once purged
    wrapped_key BLOB,
    payload BLOB,
    my_number BLOB,
    submitted_at INTEGER NOT NULL,     -- unix milliseconds
    claimed_by TEXT REFERENCES users (id),
    claimed_at INTEGER,
    first_claimed_at INTEGER,
    lease_until INTEGER,
    claim_count INTEGER NOT NULL DEFAULT 0,
    decided_by TEXT REFERENCES users (id),
    decided_at INTEGER,
    reason BLOB,
    finished_at INTEGER,
    purged_at INTEGER,
    updated_at INTEGER NOT NULL,
    UNIQUE (counter_group, ticket_day, ticket_number)
) STRICT;
CREATE INDEX records_by_status ON records (status, submitted_at);

CREATE TABLE corrections (
    seq INTEGER PRIMARY KEY,
    record_id TEXT NOT NULL REFERENCES records (id),
    at INTEGER NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id),
    field TEXT NOT NULL,
    old_value BLOB,                    -- encrypted; NULL once purged
    new_value BLOB,
    reason BLOB
) STRICT;
CREATE INDEX corrections_by_record ON corrections (record_id, seq);

CREATE TABLE audit (
    seq INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    record_id TEXT,
    detail TEXT NOT NULL DEFAULT '',
    mac BLOB NOT NULL                  -- HMAC-SHA256(previous mac || this entry)
) STRICT;
CREATE TABLE audit_head (
    one INTEGER PRIMARY KEY CHECK (one = 1),
    seq INTEGER NOT NULL,
    mac BLOB NOT NULL
) STRICT;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- migration 2
-- KPI: the kiosk session (a visit may file several forms), the moment the card was read, and
-- the decision (kept when the record is purged).
ALTER TABLE records ADD COLUMN visit_id TEXT;
ALTER TABLE records ADD COLUMN card_read_at INTEGER;
ALTER TABLE records ADD COLUMN outcome TEXT CHECK (outcome IN ('approved', 'returned', 'rejected'));
CREATE INDEX records_by_day ON records (ticket_day, procedure);

-- migration 3
-- The kiosk's outbox (issue 8): a kiosk commits every submission to its own file first and a
-- forwarder moves it to the town hall's server. outbox_forwarded remembers what the server
-- holds (the local row then keeps only its metadata and ticket, so ticket numbers are not
-- reused); outbox_state is the last forwarding attempt, for `kakanai-queue outbox status`.
CREATE TABLE outbox_forwarded (
    record_id TEXT PRIMARY KEY REFERENCES records (id),
    forwarded_at INTEGER NOT NULL      -- unix milliseconds
) STRICT;
CREATE TABLE outbox_state (
    one INTEGER PRIMARY KEY CHECK (one = 1),
    last_attempt_at INTEGER,
    last_success_at INTEGER,
    last_error TEXT,                   -- a QueueError message: never personal
    last_error_at INTEGER,
    consecutive_failures INTEGER NOT NULL DEFAULT 0
) STRICT;
INSERT INTO outbox_state (one) VALUES (1);
-- A ticket text names one record per day, also on a server that takes several kiosks' tickets.
CREATE UNIQUE INDEX records_ticket_unique ON records (ticket_day, ticket);
-- What may wait in the outbox: records that still hold their ciphertexts, in forwarding order.
CREATE INDEX records_sealed ON records (submitted_at, ticket_number, id)
    WHERE wrapped_key IS NOT NULL;

-- migration 4
-- records_by_day (ticket_day, procedure) duplicated the leading column of records_ticket_unique
-- (ticket_day, ticket), which serves the per-day reports as well; every submission paid for
-- one more index page in its durable commit.
DROP INDEX records_by_day;

-- migration 5
-- One ticket covers a visit (the kiosk issue): a visit's further forms share its first form's
-- ticket text, so a ticket text names one visit a day, not one record, which no unique index
-- can say. Store::submit makes each new visit's text from the day's next number, and
-- Store::importSealed refuses a text another visit holds (both under the single writer lock).
-- ticket_number stays one per record (UNIQUE with the group and day): a visit's first form takes
-- the day's next number (1, 2, …), its further forms count -1, -2, … and use up no number.
DROP INDEX records_ticket_unique;
CREATE INDEX records_by_ticket ON records (ticket_day, ticket);
