// Store: opening a database and the kiosk's submission (see store.hpp).
#include "crypto.hpp"
#include "identifiers.hpp"
#include "kakanai/base/my_number.hpp"
#include "kakanai/queue/json_fields.hpp"
#include "schema.hpp"
#include "store_impl.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>

namespace kakanai::queue {

using namespace detail;

namespace {

const std::string AUDIT_SECRET = "audit";

std::string secretAad(const std::string& keyId)
{
    return "kakanai.secret.audit|" + keyId;
}

/** Unwraps (or, in a database that has none yet, creates) the audit secret. */
SecureBytes loadAuditSecret(Db& db, const MasterKey& key)
{
    Tx tx(db);
    Stmt select(db, "SELECT key_id, wrapped FROM secrets WHERE purpose = ?");
    select.bind(1, AUDIT_SECRET);
    if (select.step()) {
        const std::string keyId = select.text(0);
        if (keyId != key.id) {
            raise(QueueErrorCode::WrongKey,
                "the database uses master key " + keyId + ", the key file holds " + key.id);
        }
        auto secret = openGcm(key.key, select.blob(1), secretAad(keyId));
        if (!secret) {
            raise(QueueErrorCode::WrongKey,
                "the key file does not open this database's secrets (wrong or damaged key)");
        }
        return std::move(*secret);
    }
    SecureBytes secret = randomKey();
    Stmt insert(db, "INSERT INTO secrets (purpose, key_id, wrapped) VALUES (?, ?, ?)");
    insert.bind(1, AUDIT_SECRET).bind(2, key.id);
    insert.bindBlob(3, sealGcm(key.key, secret, secretAad(key.id))).run();
    tx.commit();
    return secret;
}

SecureBytes deriveKey(ByteView secret, std::string_view label)
{
    const Bytes derived = hmacSha256(secret, asBytes(label));
    return SecureBytes(ByteView(derived));
}

void validate(const Submission& s)
{
    auto bad = [](const std::string& what) { raise(QueueErrorCode::InvalidArgument, what); };
    if (!isUuid(s.id)) {
        bad("the record id must be a UUID");
    }
    if (!isName(s.templateId, 64) || !isName(s.kioskId, 64) || !isName(s.counterGroup, 16)
        || !isName(s.language, 16) || (!s.procedure.empty() && !isName(s.procedure, 64))
        || (!s.visitId.empty() && !isName(s.visitId, 64))) {
        bad("template, procedure, kiosk, language, counter group and visit ids must be 1-64 "
            "characters of A-Z a-z 0-9 - _ .");
    }
    if (s.templateVersion < 1) {
        bad("the template version must be at least 1");
    }
    if (!s.ticketOf.empty() && (!isUuid(s.ticketOf) || s.visitId.empty() || s.ticketOf == s.id)) {
        bad("a record shares the ticket of another record (a UUID) of its own visit only");
    }
    if (!scanJsonObject(std::string_view(s.payload.data(), s.payload.size()))) {
        bad("the payload must be one JSON object");
    }
    if (s.myNumber && !isValidMyNumber(std::string_view(s.myNumber->data(), s.myNumber->size()))) {
        bad("the My Number is not 12 digits with a valid check digit");
    }
}

/** The ticket of submission.ticketOf when it can be shared (same day and group), else "". */
std::string sharedTicket(Db& db, const Submission& submission, const std::string& day)
{
    if (submission.ticketOf.empty()) {
        return {};
    }
    Stmt first(db, "SELECT ticket, ticket_day, counter_group, visit_id FROM records WHERE id = ?");
    first.bind(1, submission.ticketOf);
    if (!first.step()) {
        raise(QueueErrorCode::NotFound,
            "record " + submission.ticketOf
                + " (whose ticket this one shares) is not in the queue");
    }
    if (first.isNull(3) || first.text(3) != submission.visitId) {
        raise(QueueErrorCode::InvalidArgument,
            "record " + submission.ticketOf
                + " belongs to another visit: its ticket is not shared");
    }
    if (first.text(1) != day || first.text(2) != submission.counterGroup) {
        return {}; // the visit went past midnight, or to another counter: a ticket of its own
    }
    return first.text(0);
}

Bytes submissionDigest(ByteView digestKey, const Submission& s)
{
    SecureBytes message;
    // One allocation: the payload is most of it (a growing buffer would be copied and zeroed
    // at each doubling).
    message.reserve(s.id.size() + s.templateId.size() + s.counterGroup.size() + s.payload.size()
        + (s.myNumber ? s.myNumber->size() : 1) + 32);
    auto add = [&](std::string_view part) {
        const auto* bytes = reinterpret_cast<const std::uint8_t*>(part.data());
        message.insert(message.end(), bytes, bytes + part.size());
        message.push_back(0);
    };
    add(s.id);
    add(s.templateId);
    add(std::to_string(s.templateVersion));
    add(s.counterGroup);
    add(std::string_view(s.payload.data(), s.payload.size()));
    add(s.myNumber ? std::string_view(s.myNumber->data(), s.myNumber->size()) : "-");
    return hmacSha256(digestKey, message);
}

} // namespace

Result<Store, QueueError> Store::open(const std::filesystem::path& path, StoreOptions options)
{
    return guard([&] {
        const Clock* clock = options.clock ? options.clock : &SystemClock::instance();
        Db db(path.string(), options.create, options.busyTimeoutMs);
        auto impl = std::unique_ptr<Impl>(
            new Impl { path, std::move(options), clock, std::move(db), {}, {} });
        // Some WAL start-up locks fail with SQLITE_BUSY without waiting in the busy handler
        // (another process recovering or checkpointing): retry until the busy timeout.
        const auto giveUp = std::chrono::steady_clock::now()
            + std::chrono::milliseconds(impl->options.busyTimeoutMs);
        for (;;) {
            try {
                configureConnection(impl->db);
                migrate(impl->db);
                if (impl->options.key) {
                    const SecureBytes secret = loadAuditSecret(impl->db, *impl->options.key);
                    impl->macKey = deriveKey(secret, "kakanai.audit.mac");
                    impl->digestKey = deriveKey(secret, "kakanai.submission.digest");
                }
                break;
            } catch (const QueueException& e) {
                if (e.error().code != QueueErrorCode::Busy
                    || std::chrono::steady_clock::now() >= giveUp) {
                    throw;
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            }
        }
        return Store(std::move(impl));
    });
}

Store::Store(std::unique_ptr<Impl> impl)
    : m_impl(std::move(impl))
{
}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

int Store::schemaVersion()
{
    return latestSchemaVersion(Dialect::Sqlite);
}

int Store::postgresSchemaVersion()
{
    return latestSchemaVersion(Dialect::Postgres);
}

bool Store::isPostgres() const
{
    return m_impl->db.isPostgres();
}

const std::filesystem::path& Store::path() const
{
    return m_impl->path;
}

StaffSession Store::makeSession(std::string userId, Role role)
{
    return StaffSession(std::move(userId), role);
}

Result<Receipt, QueueError> Store::submit(const Submission& submission)
{
    return guard([&] {
        Impl& s = *m_impl;
        validate(submission);
        const MasterKey& master = s.key();
        const Bytes digest = submissionDigest(s.digestKey, submission);
        Tx tx(s.db);
        {
            Stmt existing(s.db, "SELECT ticket, submission_digest FROM records WHERE id = ?");
            existing.bind(1, submission.id);
            if (existing.step()) {
                if (!equalConstantTime(existing.blob(1), digest)) {
                    raise(QueueErrorCode::Duplicate,
                        "record " + submission.id + " already exists with other content");
                }
                return Receipt { submission.id, existing.text(0), true };
            }
        }
        const std::int64_t now = s.now();
        const std::string day = localDate(now, s.options.utcOffsetMinutes);
        // The ticket text is what the resident holds; ticket_number is unique per group and day.
        // A visit's first form takes the day's next number, 1, 2, 3, …, and its text from it.
        // Its further forms share that text and count −1, −2, … so that they use up no number:
        // the next visit's ticket follows the last one shown.
        std::string ticket = sharedTicket(s.db, submission, day);
        Stmt next(s.db,
            ticket.empty() ? "SELECT COALESCE(MAX(ticket_number), 0) + 1 FROM records"
                             " WHERE counter_group = ? AND ticket_day = ?"
                           : "SELECT COALESCE(MIN(ticket_number), 0) FROM records"
                             " WHERE counter_group = ? AND ticket_day = ?");
        next.bind(1, submission.counterGroup).bind(2, day);
        next.step();
        const std::int64_t number
            = ticket.empty() ? next.integer(0) : std::min<std::int64_t>(next.integer(0), 0) - 1;
        if (ticket.empty()) {
            const auto prefix = s.options.ticketPrefixes.find(submission.counterGroup);
            char digits[24];
            std::snprintf(digits, sizeof digits, "%03lld", static_cast<long long>(number));
            ticket = (prefix != s.options.ticketPrefixes.end() ? prefix->second
                                                               : submission.counterGroup)
                + "-" + digits;
            // On a server that also takes kiosks' tickets, a kiosk with this prefix may hold it.
            Stmt taken(s.db, "SELECT kiosk_id FROM records WHERE ticket_day = ? AND ticket = ?");
            taken.bind(1, day).bind(2, ticket);
            if (taken.step()) {
                raise(QueueErrorCode::Duplicate,
                    "ticket " + ticket + " is already used today by kiosk " + taken.text(0)
                        + ": give each kiosk its own ticket prefix");
            }
        }

        const SecureBytes dataKey = randomKey();
        Stmt insert(s.db,
            "INSERT INTO records (id, template_id, template_version, procedure, kiosk_id,"
            " language, counter_group, visit_id, status, ticket, ticket_day, ticket_number,"
            " submission_digest, key_id, wrapped_key, payload, my_number, submitted_at,"
            " card_read_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'submitted', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, submission.id).bind(2, submission.templateId);
        insert.bind(3, submission.templateVersion);
        insert.bind(4, submission.procedure.empty() ? submission.templateId : submission.procedure);
        insert.bind(5, submission.kioskId).bind(6, submission.language);
        insert.bind(7, submission.counterGroup).bindOrNull(8, submission.visitId);
        insert.bind(9, ticket).bind(10, day).bind(11, number).bindBlob(12, digest);
        insert.bind(13, master.id);
        insert.bindBlob(14, sealGcm(master.key, dataKey, wrapAad(submission.id, master.id)));
        insert.bindBlob(15,
            sealGcm(dataKey,
                asBytes(std::string_view(submission.payload.data(), submission.payload.size())),
                recordAad("payload", submission.id)));
        if (submission.myNumber) {
            insert.bindBlob(16,
                sealGcm(dataKey,
                    asBytes(
                        std::string_view(submission.myNumber->data(), submission.myNumber->size())),
                    recordAad("my_number", submission.id)));
        } else {
            insert.bindNull(16);
        }
        insert.bind(17, now).bind(18, submission.cardReadAtMs).bind(19, now);
        insert.run();
        s.audit("kiosk:" + submission.kioskId, "submit", submission.id, "ticket " + ticket);
        tx.commit();
        return Receipt { submission.id, ticket, false };
    });
}

} // namespace kakanai::queue
