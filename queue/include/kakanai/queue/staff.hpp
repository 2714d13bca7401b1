// Staff accounts and the session a successful login gives (Store::login).
//
// Errors: parseRole returns std::nullopt for an unknown role name.
#pragma once

#include "kakanai/base/secure_bytes.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace kakanai::queue {

/**
 * reviewer: claim, view, correct and decide records. supervisor: also reveal My Numbers and
 * export. admin: manage users and keys (and nothing that shows residents' data).
 */
enum class Role
{
    Reviewer,
    Supervisor,
    Admin
};

const char* roleName(Role role);
std::optional<Role> parseRole(std::string_view name);

/** Proof that a user logged in; only Store creates one. */
class StaffSession
{
public:
    const std::string& userId() const { return m_userId; }
    Role role() const { return m_role; }

private:
    friend class Store;
    StaffSession(std::string userId, Role role)
        : m_userId(std::move(userId))
        , m_role(role)
    {
    }
    std::string m_userId;
    Role m_role;
};

struct NewUser
{
    std::string id;
    std::string displayName;
    Role role = Role::Reviewer;
    SecureString password;
};

struct UserInfo
{
    std::string id;
    std::string displayName;
    Role role = Role::Reviewer;
    int failedLogins = 0;
    bool disabled = false;
    bool locked = false; ///< failedLogins reached the lockout limit
};

/** scrypt cost. The default (N=2^15, r=8, p=1: 32 MiB, ~0.1 s) suits logins; tests go lower. */
struct ScryptParams
{
    std::uint64_t n = 1u << 15;
    std::uint32_t r = 8;
    std::uint32_t p = 1;
};

inline constexpr int LOCKOUT_FAILURES = 5;

} // namespace kakanai::queue
