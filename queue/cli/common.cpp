// kakanai-queue: argument helpers, store opening, passwords, errors (see cli.hpp).
#include "cli.hpp"

#include <algorithm>
#include <cstdlib>
#include <iostream>

namespace kakanai::queuecli {

using namespace kakanai::queue;

std::optional<std::string> takeOption(Args& args, const std::string& name)
{
    const auto it = std::find(args.begin(), args.end(), name);
    if (it == args.end()) {
        return std::nullopt;
    }
    if (it + 1 == args.end()) {
        throw UsageError { name + " needs a value" };
    }
    std::string value = *(it + 1);
    args.erase(it, it + 2);
    return value;
}

bool takeFlag(Args& args, const std::string& name)
{
    const auto it = std::find(args.begin(), args.end(), name);
    if (it == args.end()) {
        return false;
    }
    args.erase(it);
    return true;
}

void requirePositional(const Args& args, std::size_t count, const char* what)
{
    for (const std::string& arg : args) {
        if (arg.rfind("--", 0) == 0) {
            throw UsageError { "unknown option " + arg };
        }
    }
    if (args.size() != count) {
        throw UsageError { std::string("expected ") + what };
    }
}

int exitCodeFor(QueueErrorCode code)
{
    switch (code) {
    case QueueErrorCode::InvalidArgument:
        return EXIT_INPUT;
    case QueueErrorCode::NotFound:
        return EXIT_NOT_FOUND;
    case QueueErrorCode::Duplicate:
    case QueueErrorCode::InvalidState:
    case QueueErrorCode::NotOwner:
        return EXIT_CONFLICT;
    case QueueErrorCode::KeyMissing:
    case QueueErrorCode::KeyInsecure:
    case QueueErrorCode::KeyInvalid:
    case QueueErrorCode::WrongKey:
        return EXIT_KEY;
    case QueueErrorCode::Tampered:
        return EXIT_TAMPERED;
    case QueueErrorCode::AuthFailed:
    case QueueErrorCode::Locked:
    case QueueErrorCode::Forbidden:
        return EXIT_AUTH;
    case QueueErrorCode::Database:
    case QueueErrorCode::Busy:
    case QueueErrorCode::SchemaTooNew:
    case QueueErrorCode::Io:
        return EXIT_DATABASE;
    }
    return EXIT_DATABASE;
}

int reportError(const QueueError& error)
{
    std::cerr << "kakanai-queue: " << error.message << " [" << errorName(error.code) << "]\n";
    return exitCodeFor(error.code);
}

Result<Store, QueueError> openStore(const Context& context, bool needKey, bool create)
{
    StoreOptions options;
    options.create = create;
    if (!context.key.empty()) {
        auto key = loadMasterKey(context.key);
        if (!key) {
            return key.failure();
        }
        options.key = std::move(key).value();
    } else if (needKey) {
        return fail(QueueError { QueueErrorCode::KeyMissing,
            "this command needs the master key: give --key PATH or set KAKANAI_KEY" });
    }
    return Store::open(context.db, std::move(options));
}

namespace {

/** Reads one line of standard input into a zeroing buffer (without the newline). */
SecureString readLine()
{
    SecureString line;
    line.reserve(128);
    int c = 0;
    while ((c = std::cin.get()) != EOF && c != '\n') {
        line.push_back(static_cast<char>(c));
    }
    if (!line.empty() && line.back() == '\r') {
        line.pop_back();
    }
    return line;
}

} // namespace

SecureString readSecret(const char* envName)
{
    if (const char* value = std::getenv(envName)) {
        SecureString out;
        assignSecure(out, value);
        return out;
    }
    return readLine();
}

Result<StaffSession, QueueError> login(Store& store, const std::string& userId)
{
    const SecureString password = readSecret("KAKANAI_PASSWORD");
    return store.login(userId, password);
}

std::string formatTime(std::optional<std::int64_t> ms)
{
    return ms ? formatLocalTime(*ms, 540) : std::string();
}

std::string shownLocation(const std::string& location)
{
    // postgresql://user:password@host/... → postgresql://user:***@host/...
    const auto scheme = location.find("://");
    const auto at = location.find('@');
    if (scheme == std::string::npos || at == std::string::npos) {
        return location;
    }
    const auto colon = location.find(':', scheme + 3);
    if (colon == std::string::npos || colon > at) {
        return location;
    }
    return location.substr(0, colon + 1) + "***" + location.substr(at);
}

} // namespace kakanai::queuecli
