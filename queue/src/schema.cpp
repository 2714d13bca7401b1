// Connection settings and migrations (see schema.hpp).
#include "schema.hpp"

#include <cstdlib>
#include <sstream>

namespace kakanai::queue::detail {

extern const char* const SCHEMA_SQL; // generated from queue/schema.sql

const std::vector<std::string>& migrations()
{
    static const std::vector<std::string> parts = [] {
        std::vector<std::string> out;
        std::istringstream in(SCHEMA_SQL);
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
    }();
    return parts;
}

void configureConnection(Db& db)
{
    // journal_mode=WAL is persistent; the others are per connection.
    db.exec("PRAGMA journal_mode=WAL");
    db.exec("PRAGMA synchronous=FULL");
    db.exec("PRAGMA foreign_keys=ON");
    db.exec("PRAGMA secure_delete=ON");
}

void migrate(Db& db, int target)
{
    const int latest = latestSchemaVersion();
    if (target < 0) {
        target = latest;
    }
    if (db.queryInt("PRAGMA user_version") == target) {
        return;
    }
    Tx tx(db);
    const int current = static_cast<int>(db.queryInt("PRAGMA user_version"));
    if (current > latest) {
        raise(QueueErrorCode::SchemaTooNew,
            "the database has schema version " + std::to_string(current) + "; this build knows "
                + std::to_string(latest) + " (upgrade kakanai)");
    }
    for (int version = current; version < target; ++version) {
        db.exec(migrations()[static_cast<std::size_t>(version)]);
    }
    if (current < target) {
        db.exec("PRAGMA user_version=" + std::to_string(target));
    }
    tx.commit();
}

} // namespace kakanai::queue::detail
