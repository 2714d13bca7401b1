// Internal to kakanai-queue: the shared context (database and key paths), argument helpers,
// password input and the mapping of QueueError to exit codes.
//
// Exit codes: 0 success, 2 usage, 3 input (unreadable or malformed file, invalid argument),
// 4 not found (also: nothing to claim), 5 conflict (duplicate id, wrong state, claimed by
// someone else), 6 key problem (missing, insecure, malformed, wrong key), 7 tampering detected
// (a record or the audit chain), 8 authentication or permission (wrong password, locked,
// forbidden), 9 database error (busy, unreadable, schema too new).
#pragma once

#include "kakanai/queue/store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kakanai::queuecli {

inline constexpr int EXIT_USAGE = 2;
inline constexpr int EXIT_INPUT = 3;
inline constexpr int EXIT_NOT_FOUND = 4;
inline constexpr int EXIT_CONFLICT = 5;
inline constexpr int EXIT_KEY = 6;
inline constexpr int EXIT_TAMPERED = 7;
inline constexpr int EXIT_AUTH = 8;
inline constexpr int EXIT_DATABASE = 9;

using Args = std::vector<std::string>;

struct Context
{
    std::string db; ///< --db or KAKANAI_DB
    std::string key; ///< --key or KAKANAI_KEY (may be empty)
};

/** Removes "--name VALUE" from args; nullopt if absent. Throws UsageError without a value. */
std::optional<std::string> takeOption(Args& args, const std::string& name);
/** Removes "--name" from args; true if it was there. */
bool takeFlag(Args& args, const std::string& name);
/** Throws UsageError unless exactly `count` positional arguments remain. */
void requirePositional(const Args& args, std::size_t count, const char* what);

struct UsageError
{
    std::string message;
};

int usageError(const std::string& message);
/** Prints "kakanai-queue: <message>" and returns the exit code of the error's kind. */
int reportError(const queue::QueueError& error);
int exitCodeFor(queue::QueueErrorCode code);

/**
 * Opens the store. `needKey`: the key file is required (KeyMissing otherwise); without it the
 * key is still loaded when a path is configured.
 */
Result<queue::Store, queue::QueueError> openStore(
    const Context& context, bool needKey, bool create = false);

/** The next password: from `envName` if set (once), else the next line of standard input. */
SecureString readSecret(const char* envName);

/** Logs `userId` in with the password from KAKANAI_PASSWORD or stdin. */
Result<queue::StaffSession, queue::QueueError> login(
    queue::Store& store, const std::string& userId);

std::string formatTime(std::optional<std::int64_t> ms);

/** The --db location for output: a PostgreSQL URI's password (if any) replaced by "***". */
std::string shownLocation(const std::string& location);

int runInit(const Context& context, Args args);
int runInitKey(const Context& context, Args args);
int runRekey(const Context& context, Args args);
int runUser(const Context& context, Args args);
int runAudit(const Context& context, Args args);
int runSubmit(const Context& context, Args args);
int runList(const Context& context, Args args);
int runShow(const Context& context, Args args);
int runClaim(const Context& context, Args args);
int runDecide(const Context& context, const std::string& command, Args args);
int runExport(const Context& context, Args args);
int runPurge(const Context& context, Args args);
int runStats(const Context& context, Args args);
int runKpi(const Context& context, Args args);
/** outbox status [--json] | outbox forward --to SERVER [--follow] (outbox_commands.cpp). */
int runOutbox(const Context& context, Args args);

} // namespace kakanai::queuecli
