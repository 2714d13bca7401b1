// Shared helpers of the queue tests (see queue_fixture.hpp).
#include "queue_fixture.hpp"

#include <sqlite3.h>

#include <cstdlib>
#include <random>

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

TempDir::~TempDir()
{
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
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

Store openStore(const std::filesystem::path& db, const MasterKey& key, const Clock* clock)
{
    StoreOptions options;
    options.key = key;
    options.create = true;
    options.clock = clock;
    options.scrypt = cheapScrypt();
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

bool flipBlobByte(const std::filesystem::path& db, const std::string& table,
    const std::string& column, const std::string& where, std::size_t offset)
{
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
