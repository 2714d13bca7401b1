-- kakanai on PostgreSQL: one database role per kind of client. Run as the database owner
-- (kakanai_admin, who also runs `kakanai-queue init` and owns every table) in the queue's
-- database, after `kakanai-queue init`:
--
--     psql "postgresql://kakanai_admin@queue-server/kakanai?sslmode=verify-full" -f roles.sql
--
-- then give each role a password (ALTER ROLE … PASSWORD, or client certificates; see
-- docs/townhall.md). Roles are cluster-wide and created only if missing; the grants are per
-- database, so re-running this file is harmless.
--
-- kakanai_kiosk (kiosks and their forwarders): adds records and their audit entries, and reads
-- only the metadata it needs for tickets and idempotent retries: never a payload, a My Number,
-- a reason or a wrapped key. Even a stolen kiosk password reads no ciphertext.
-- kakanai_staff (staff desks): reads and updates records (status, corrections, decisions),
-- appends corrections and audit entries, updates its own login counters.
-- Nobody but the owner may DELETE or TRUNCATE anything; the audit table also refuses UPDATE and
-- DELETE by trigger, and its HMAC chain shows any change the owner could still make.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kakanai_kiosk') THEN
        CREATE ROLE kakanai_kiosk LOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kakanai_staff') THEN
        CREATE ROLE kakanai_staff LOGIN;
    END IF;
END
$$;

REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO kakanai_kiosk, kakanai_staff;
GRANT SELECT ON kakanai_schema, secrets TO kakanai_kiosk, kakanai_staff;
GRANT SELECT, INSERT ON audit TO kakanai_kiosk, kakanai_staff;
GRANT SELECT, INSERT, UPDATE ON audit_head TO kakanai_kiosk, kakanai_staff;

-- Kiosk: insert records; read back only what tickets and retries need.
GRANT INSERT ON records TO kakanai_kiosk;
GRANT SELECT (id, counter_group, ticket, ticket_day, ticket_number, submission_digest, kiosk_id,
    submitted_at) ON records TO kakanai_kiosk;

-- Staff desk: review.
GRANT SELECT, UPDATE ON records TO kakanai_staff;
GRANT SELECT, INSERT ON corrections TO kakanai_staff;
GRANT SELECT, UPDATE (failed_logins, salt, hash, scrypt_n, scrypt_r, scrypt_p, updated_at)
    ON users TO kakanai_staff;
