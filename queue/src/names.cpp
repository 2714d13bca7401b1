// Names of statuses, decisions, roles and error codes (their text form in the database, the
// CLI and the audit log).
#include "kakanai/queue/error.hpp"
#include "kakanai/queue/record.hpp"
#include "kakanai/queue/staff.hpp"

#include <array>
#include <utility>

namespace kakanai::queue {

namespace {

constexpr std::array STATUS_NAMES = { "submitted", "claimed", "approved", "returned", "rejected",
    "printed", "exported", "purged" };
constexpr std::array DECISION_NAMES = { "approve", "return", "reject" };
constexpr std::array ROLE_NAMES = { "reviewer", "supervisor", "admin" };

template <class E, class Names> std::optional<E> parseName(const Names& names, std::string_view n)
{
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (n == names[i]) {
            return static_cast<E>(i);
        }
    }
    return std::nullopt;
}

} // namespace

const char* statusName(Status status)
{
    return STATUS_NAMES.at(static_cast<std::size_t>(status));
}

std::optional<Status> parseStatus(std::string_view name)
{
    return parseName<Status>(STATUS_NAMES, name);
}

const char* decisionName(Decision decision)
{
    return DECISION_NAMES.at(static_cast<std::size_t>(decision));
}

std::optional<Decision> parseDecision(std::string_view name)
{
    return parseName<Decision>(DECISION_NAMES, name);
}

const char* roleName(Role role)
{
    return ROLE_NAMES.at(static_cast<std::size_t>(role));
}

std::optional<Role> parseRole(std::string_view name)
{
    return parseName<Role>(ROLE_NAMES, name);
}

const char* errorName(QueueErrorCode code)
{
    switch (code) {
    case QueueErrorCode::Database:
        return "database";
    case QueueErrorCode::Busy:
        return "busy";
    case QueueErrorCode::SchemaTooNew:
        return "schema-too-new";
    case QueueErrorCode::NotFound:
        return "not-found";
    case QueueErrorCode::Duplicate:
        return "duplicate";
    case QueueErrorCode::InvalidState:
        return "invalid-state";
    case QueueErrorCode::NotOwner:
        return "not-owner";
    case QueueErrorCode::KeyMissing:
        return "key-missing";
    case QueueErrorCode::KeyInsecure:
        return "key-insecure";
    case QueueErrorCode::KeyInvalid:
        return "key-invalid";
    case QueueErrorCode::WrongKey:
        return "wrong-key";
    case QueueErrorCode::Tampered:
        return "tampered";
    case QueueErrorCode::AuthFailed:
        return "auth-failed";
    case QueueErrorCode::Locked:
        return "locked";
    case QueueErrorCode::Forbidden:
        return "forbidden";
    case QueueErrorCode::InvalidArgument:
        return "invalid-argument";
    case QueueErrorCode::Io:
        return "io";
    }
    return "unknown";
}

} // namespace kakanai::queue
