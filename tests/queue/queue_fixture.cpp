// Shared helpers of the queue tests (see queue_fixture.hpp).
#include "queue_fixture.hpp"

#include <libpq-fe.h>
#include <sqlite3.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sys/wait.h>
#include <unistd.h>

namespace kakanai::queue::testing {

TempDir::TempDir()
{
    std::string pattern
        = (std::filesystem::temp_directory_path() / "kakanai-queue-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) {
        throw std::runtime_error("mkdtemp failed");
    }
    m_path = pattern;
}

namespace {

bool isPg(const std::filesystem::path& db)
{
    return db.native().rfind("postgresql://", 0) == 0;
}

/** The superuser URL of the private cluster, with `database` as its database. */
std::string clusterUrl(const std::string& database)
{
    const char* dir = std::getenv("KAKANAI_TEST_POSTGRES_DIR");
    std::ifstream in(std::filesystem::path(dir) / "admin.url");
    std::string url;
    std::getline(in, url);
    const std::string prefix = "postgresql:///postgres?";
    if (url.rfind(prefix, 0) != 0) {
        throw std::runtime_error("KAKANAI_TEST_POSTGRES_DIR has no admin.url (pg-cluster start)");
    }
    return "postgresql:///" + database + "?" + url.substr(prefix.size());
}

/** Runs one statement as superuser on `url`; the first column of the first row, or "error: …". */
std::string pgQuery(const std::string& url, const std::string& sql)
{
    PGconn* conn = PQconnectdb(url.c_str());
    std::string out;
    if (PQstatus(conn) != CONNECTION_OK) {
        out = std::string("error: ") + PQerrorMessage(conn);
    } else {
        PQsetNoticeProcessor(
            conn, [](void*, const char*) {}, nullptr);
        PGresult* result = PQexec(conn, sql.c_str());
        const auto status = PQresultStatus(result);
        if (status == PGRES_TUPLES_OK && PQntuples(result) > 0 && !PQgetisnull(result, 0, 0)) {
            out = PQgetvalue(result, 0, 0);
        } else if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
            out = std::string("error: ") + PQresultErrorMessage(result);
        }
        PQclear(result);
    }
    PQfinish(conn);
    return out;
}

} // namespace

CliRun runShell(const std::string& command)
{
    CliRun result;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) {
        ADD_FAILURE() << "popen failed";
        return result;
    }
    char buffer[4096];
    std::size_t n = 0;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) {
        result.out.append(buffer, n);
    }
    const int status = pclose(pipe);
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

bool usingPostgres()
{
    const char* dir = std::getenv("KAKANAI_TEST_POSTGRES_DIR");
    return dir && *dir;
}

std::string shellQuote(const std::string& location)
{
    std::string out = "'";
    for (char c : location) {
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return out + "'";
}

std::filesystem::path TempDir::operator/(const std::string& name) const
{
    const bool database = name.size() > 3 && name.compare(name.size() - 3, 3, ".db") == 0;
    if (!database || !usingPostgres()) {
        return m_path / name;
    }
    auto found = m_databases.find(name);
    if (found == m_databases.end()) {
        static std::atomic<int> counter { 0 };
        const std::string db = "kq_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
        const std::string created = pgQuery(clusterUrl("postgres"), "CREATE DATABASE " + db);
        if (!created.empty()) {
            throw std::runtime_error("cannot create the test database: " + created);
        }
        found = m_databases.emplace(name, clusterUrl(db)).first;
    }
    return found->second;
}

TempDir::~TempDir()
{
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
    for (const auto& [name, url] : m_databases) {
        const std::string db = url.substr(std::string("postgresql:///").size(),
            url.find('?') - std::string("postgresql:///").size());
        pgQuery(clusterUrl("postgres"), "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
    }
}

std::string uuidFor(unsigned a, unsigned b)
{
    char text[40];
    std::snprintf(text, sizeof text, "%08x-0000-4000-8000-%012x", a, b);
    return text;
}

std::string randomUuid()
{
    static thread_local std::mt19937_64 rng { std::random_device {}() };
    const std::uint64_t hi = rng();
    const std::uint64_t lo = rng();
    char text[40];
    std::snprintf(text, sizeof text, "%08x-%04x-4%03x-a%03x-%012llx",
        static_cast<unsigned>(hi >> 32), static_cast<unsigned>((hi >> 16) & 0xffff),
        static_cast<unsigned>(hi & 0xfff), static_cast<unsigned>(lo >> 52),
        static_cast<unsigned long long>(lo & 0xffffffffffffULL));
    return text;
}

SecureString secure(const std::string& text)
{
    SecureString out;
    assignSecure(out, text);
    return out;
}

Submission sampleSubmission(const std::string& id, const std::string& group)
{
    Submission s;
    s.id = id;
    s.templateId = "juminhyo";
    s.templateVersion = 1;
    s.kioskId = "kiosk-1";
    s.language = "ja";
    s.counterGroup = group;
    s.payload = secure(R"({"format":"kakanai.filled-form","format_version":1,"id":")" + id
        + R"(","template_id":"juminhyo","values":{"requester_name":{"value":"試験　花子","origin":"card"}}})");
    return s;
}

ScryptParams cheapScrypt()
{
    return ScryptParams { 1u << 10, 8, 1 };
}

Store openStore(const std::filesystem::path& db, const MasterKey& key, const Clock* clock,
    const std::string& ticketPrefix)
{
    StoreOptions options;
    options.key = key;
    options.create = true;
    options.clock = clock;
    options.scrypt = cheapScrypt();
    if (!ticketPrefix.empty()) {
        options.ticketPrefixes["A"] = ticketPrefix;
    }
    auto store = Store::open(db, options);
    if (!store) {
        throw std::runtime_error("cannot open the test store: " + store.error().message);
    }
    return std::move(store).value();
}

void addStaff(Store& store)
{
    auto boot
        = store.bootstrapAdmin(NewUser { "admin", "Admin", Role::Admin, secure("password-admin") });
    ASSERT_TRUE(boot.ok()) << boot.error().message;
    const StaffSession admin = loginAs(store, "admin");
    for (const char* id : { "rev1", "rev2", "rev3", "rev4" }) {
        ASSERT_TRUE(store
                        .addUser(admin,
                            NewUser { id, std::string("Reviewer ") + id, Role::Reviewer,
                                secure(std::string("password-") + id) })
                        .ok());
    }
    ASSERT_TRUE(store
                    .addUser(admin,
                        NewUser { "sup", "Supervisor", Role::Supervisor, secure("password-sup") })
                    .ok());
}

StaffSession loginAs(Store& store, const std::string& userId)
{
    auto session = store.login(userId, secure("password-" + userId));
    if (!session) {
        throw std::runtime_error("login failed: " + session.error().message);
    }
    return session.value();
}

std::string rawQuery(const std::filesystem::path& db, const std::string& sql)
{
    if (isPg(db)) {
        return pgQuery(db.native(), sql);
    }
    sqlite3* handle = nullptr;
    std::string out;
    if (sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
        sqlite3_busy_timeout(handle, 5000);
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(handle, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK) {
            const int rc = sqlite3_step(stmt);
            if (rc == SQLITE_ROW && sqlite3_column_text(stmt, 0)) {
                out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
            } else if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
                out = std::string("error: ") + sqlite3_errmsg(handle);
            }
        } else {
            out = std::string("error: ") + sqlite3_errmsg(handle);
        }
        sqlite3_finalize(stmt);
    }
    sqlite3_close_v2(handle);
    return out;
}

std::string sqlPosition(const std::string& column, const std::string& text)
{
    return usingPostgres() ? "position(convert_to('" + text + "', 'UTF8') in " + column + ")"
                           : "instr(" + column + ", '" + text + "')";
}

void disableAuditGuards(const std::filesystem::path& db)
{
    if (isPg(db)) {
        rawQuery(db, "ALTER TABLE audit DISABLE TRIGGER USER");
    } else {
        rawQuery(db, "DROP TRIGGER audit_no_delete");
        rawQuery(db, "DROP TRIGGER audit_no_update");
    }
}

bool flipBlobByte(const std::filesystem::path& db, const std::string& table,
    const std::string& column, const std::string& where, std::size_t offset)
{
    if (isPg(db)) {
        const std::string condition = where == "1" ? "true" : where;
        // Read the bytes as hex, flip one, write them back by ctid (the row's address).
        const std::string hex = pgQuery(db.native(),
            "SELECT encode(" + column + ", 'hex') FROM " + table + " WHERE " + condition
                + " LIMIT 1");
        const std::string ctid = pgQuery(
            db.native(), "SELECT ctid FROM " + table + " WHERE " + condition + " LIMIT 1");
        if (hex.rfind("error", 0) == 0 || offset * 2 + 1 >= hex.size()) {
            return false;
        }
        std::string flipped = hex;
        const int nibble = std::stoi(flipped.substr(offset * 2 + 1, 1), nullptr, 16) ^ 1;
        flipped[offset * 2 + 1] = "0123456789abcdef"[nibble];
        return pgQuery(db.native(),
            "UPDATE " + table + " SET " + column + " = decode('" + flipped
                + "', 'hex') WHERE ctid = '" + ctid + "'")
            .empty();
    }
    sqlite3* handle = nullptr;
    bool done = false;
    if (sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
        sqlite3_busy_timeout(handle, 5000);
        sqlite3_stmt* read = nullptr;
        const std::string select = "SELECT rowid, " + column + " FROM " + table + " WHERE " + where;
        if (sqlite3_prepare_v2(handle, select.c_str(), -1, &read, nullptr) == SQLITE_OK
            && sqlite3_step(read) == SQLITE_ROW) {
            const auto rowid = sqlite3_column_int64(read, 0);
            const auto* data = static_cast<const unsigned char*>(sqlite3_column_blob(read, 1));
            std::vector<unsigned char> blob(data, data + sqlite3_column_bytes(read, 1));
            if (offset < blob.size()) {
                blob[offset] ^= 0x01;
                sqlite3_stmt* write = nullptr;
                const std::string update
                    = "UPDATE " + table + " SET " + column + " = ? WHERE rowid = ?";
                if (sqlite3_prepare_v2(handle, update.c_str(), -1, &write, nullptr) == SQLITE_OK) {
                    sqlite3_bind_blob(
                        write, 1, blob.data(), static_cast<int>(blob.size()), SQLITE_TRANSIENT);
                    sqlite3_bind_int64(write, 2, rowid);
                    done = sqlite3_step(write) == SQLITE_DONE;
                }
                sqlite3_finalize(write);
            }
        }
        sqlite3_finalize(read);
    }
    sqlite3_close_v2(handle);
    return done;
}

} // namespace kakanai::queue::testing
