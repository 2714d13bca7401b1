// Connection settings and migrations (see schema.hpp).
#include "schema.hpp"

#include <cstdlib>
#include <sstream>

namespace kakanai::queue::detail {

extern const char* const SCHEMA_SQL; // generated from queue/schema.sql
extern const char* const SCHEMA_PG_SQL; // generated from queue/schema_pg.sql

namespace {

std::vector<std::string> splitMigrations(const char* schema)
{
    std::vector<std::string> out;
    std::istringstream in(schema);
    const std::string marker = "-- migration ";
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(marker, 0) == 0) {
            const int number = std::atoi(line.c_str() + marker.size());
            if (number != static_cast<int>(out.size()) + 1) {
                raise(QueueErrorCode::Database, "schema.sql: migrations out of order");
            }
            out.emplace_back();
        } else if (!out.empty()) {
            out.back() += line;
            out.back() += '\n';
        }
    }
    return out;
}

const char* const VERSION_TABLE = "kakanai_schema";

int currentVersion(Db& db)
{
    if (!db.isPostgres()) {
        return static_cast<int>(db.queryInt("PRAGMA user_version"));
    }
    Stmt exists(db, "SELECT to_regclass(?) IS NOT NULL");
    exists.bind(1, VERSION_TABLE);
    if (!exists.step() || exists.integer(0) == 0) {
        return 0;
    }
    return static_cast<int>(db.queryInt("SELECT version FROM kakanai_schema WHERE one = 1", 0));
}

void setVersion(Db& db, int version)
{
    if (!db.isPostgres()) {
        db.exec("PRAGMA user_version=" + std::to_string(version));
        return;
    }
    db.exec("CREATE TABLE IF NOT EXISTS kakanai_schema (one INT PRIMARY KEY CHECK (one = 1),"
            " version INT NOT NULL)");
    Stmt upsert(db,
        "INSERT INTO kakanai_schema (one, version) VALUES (1, ?)"
        " ON CONFLICT (one) DO UPDATE SET version = excluded.version");
    upsert.bind(1, version).run();
}

} // namespace

const std::vector<std::string>& migrations(Dialect dialect)
{
    static const std::vector<std::string> sqlite = splitMigrations(SCHEMA_SQL);
    static const std::vector<std::string> postgres = splitMigrations(SCHEMA_PG_SQL);
    return dialect == Dialect::Postgres ? postgres : sqlite;
}

void configureConnection(Db& db)
{
    if (db.isPostgres()) {
        return; // session settings are made when the connection opens (pg_backend.cpp)
    }
    // page_size only takes effect on a new, empty file (a WAL file keeps its size for ever).
    // Every submission commits the record plus a leaf of each index, the audit row and the
    // audit head to the WAL as whole pages and fsyncs them: 2 KB pages still hold a typical
    // record (its ~1.9 KB row fits) but halve the bytes written per commit against 4 KB.
    db.exec("PRAGMA page_size=2048");
    // SQLite checkpoints every 1000 pages by default: 4 MB of WAL at its default page size.
    // The same 4 MB with 2 KB pages (a checkpoint costs an fsync of the database file).
    db.exec("PRAGMA wal_autocheckpoint=2000");
    // journal_mode=WAL is persistent; the others are per connection.
    db.exec("PRAGMA journal_mode=WAL");
    db.exec("PRAGMA synchronous=FULL");
    db.exec("PRAGMA foreign_keys=ON");
    db.exec("PRAGMA secure_delete=ON");
}

void migrate(Db& db, int target)
{
    const int latest = latestSchemaVersion(db.dialect());
    if (target < 0) {
        target = latest;
    }
    if (currentVersion(db) == target) {
        return;
    }
    Tx tx(db);
    const int current = currentVersion(db);
    if (current > latest) {
        raise(QueueErrorCode::SchemaTooNew,
            "the database has schema version " + std::to_string(current) + "; this build knows "
                + std::to_string(latest) + " (upgrade kakanai)");
    }
    for (int version = current; version < target; ++version) {
        db.exec(migrations(db.dialect())[static_cast<std::size_t>(version)]);
    }
    if (current < target) {
        setVersion(db, target);
    }
    tx.commit();
}

} // namespace kakanai::queue::detail
