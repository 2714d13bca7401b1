// Internal: the connection settings and the numbered migrations of queue/schema.sql.
//
// Errors: migrate throws QueueException — SchemaTooNew when the file's user_version is newer
// than this build, Database/Busy when a statement fails (the migration's transaction is then
// rolled back, leaving the previous version intact).
#pragma once

#include "db.hpp"

#include <string>
#include <vector>

namespace kakanai::queue::detail {

/**
 * The SQL of each migration of one engine; element i moves the version (SQLite: PRAGMA
 * user_version; PostgreSQL: table kakanai_schema) from i to i + 1.
 */
const std::vector<std::string>& migrations(Dialect dialect = Dialect::Sqlite);

inline int latestSchemaVersion(Dialect dialect = Dialect::Sqlite)
{
    return static_cast<int>(migrations(dialect).size());
}

/** SQLite: WAL, synchronous=FULL, foreign keys, secure_delete (per connection). */
void configureConnection(Db& db);

/** Applies the missing migrations up to `target` (default: the latest). Never resets. */
void migrate(Db& db, int target = -1);

} // namespace kakanai::queue::detail
