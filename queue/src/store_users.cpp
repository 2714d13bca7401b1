// Store: staff accounts — scrypt password hashes with per-user salt, lockout after
// LOCKOUT_FAILURES failed logins in a row, role checks, all audited.
#include "crypto.hpp"
#include "store_impl.hpp"

namespace kakanai::queue {

using namespace detail;

namespace {

constexpr std::size_t MIN_PASSWORD = 8;

void checkPassword(const SecureString& password)
{
    if (password.size() < MIN_PASSWORD) {
        raise(QueueErrorCode::InvalidArgument,
            "a password needs at least " + std::to_string(MIN_PASSWORD) + " characters");
    }
}

void checkUserId(const std::string& id)
{
    bool ok = !id.empty() && id.size() <= 64;
    for (char c : id) {
        ok = ok
            && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                || c == '-' || c == '_' || c == '.');
    }
    if (!ok) {
        raise(QueueErrorCode::InvalidArgument, "a user id is 1-64 characters of A-Z a-z 0-9 - _ .");
    }
}

std::string_view view(const SecureString& text)
{
    return { text.data(), text.size() };
}

void insertUser(Store::Impl& s, const NewUser& user)
{
    checkUserId(user.id);
    checkPassword(user.password);
    if (user.displayName.empty()) {
        raise(QueueErrorCode::InvalidArgument, "a user needs a display name");
    }
    const Bytes salt = randomBytes(16);
    const SecureBytes hash = scrypt(view(user.password), salt, s.options.scrypt);
    Stmt exists(s.db, "SELECT 1 FROM users WHERE id = ?");
    exists.bind(1, user.id);
    if (exists.step()) {
        raise(QueueErrorCode::Duplicate, "user " + user.id + " already exists");
    }
    Stmt insert(s.db,
        "INSERT INTO users (id, display_name, role, salt, hash, scrypt_n, scrypt_r, scrypt_p,"
        " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, user.id).bind(2, user.displayName).bind(3, roleName(user.role));
    insert.bindBlob(4, salt).bindBlob(5, hash);
    insert.bind(6, static_cast<std::int64_t>(s.options.scrypt.n));
    insert.bind(7, static_cast<std::int64_t>(s.options.scrypt.r));
    insert.bind(8, static_cast<std::int64_t>(s.options.scrypt.p));
    insert.bind(9, s.now()).bind(10, s.now()).run();
}

void requireUser(Store::Impl& s, const std::string& id)
{
    Stmt exists(s.db, "SELECT 1 FROM users WHERE id = ?");
    exists.bind(1, id);
    if (!exists.step()) {
        raise(QueueErrorCode::NotFound, "no user " + id);
    }
}

} // namespace

Result<StaffSession, QueueError> Store::login(
    const std::string& userId, const SecureString& password)
{
    return guard([&] {
        Impl& s = *m_impl;
        s.requireKey();
        Stmt row(s.db,
            "SELECT role, salt, hash, scrypt_n, scrypt_r, scrypt_p, failed_logins, disabled"
            " FROM users WHERE id = ?");
        row.bind(1, userId);
        if (!row.step()) {
            Tx tx(s.db);
            s.audit("unknown", "login-failed", "", "unknown user");
            tx.commit();
            raise(QueueErrorCode::AuthFailed, "wrong user or password");
        }
        const Role role = parseRole(row.text(0)).value_or(Role::Reviewer);
        const Bytes salt = row.blob(1);
        const Bytes stored = row.blob(2);
        const ScryptParams params { static_cast<std::uint64_t>(row.integer(3)),
            static_cast<std::uint32_t>(row.integer(4)),
            static_cast<std::uint32_t>(row.integer(5)) };
        const bool locked = row.integer(6) >= LOCKOUT_FAILURES || row.integer(7) != 0;
        row.reset();
        if (locked) {
            Tx tx(s.db);
            s.audit(userId, "login-refused", "", "account locked or disabled");
            tx.commit();
            raise(QueueErrorCode::Locked, "the account " + userId + " is locked or disabled");
        }
        const SecureBytes hash = scrypt(view(password), salt, params);
        Tx tx(s.db);
        if (!equalConstantTime(hash, stored)) {
            Stmt update(s.db,
                "UPDATE users SET failed_logins = failed_logins + 1 WHERE id = ?"
                " RETURNING failed_logins");
            update.bind(1, userId);
            update.step();
            const std::int64_t failures = update.integer(0);
            update.run();
            s.audit(userId, "login-failed", "", "failure " + std::to_string(failures));
            tx.commit();
            if (failures >= LOCKOUT_FAILURES) {
                raise(QueueErrorCode::Locked, "wrong password; the account is now locked");
            }
            raise(QueueErrorCode::AuthFailed, "wrong user or password");
        }
        Stmt reset(s.db, "UPDATE users SET failed_logins = 0 WHERE id = ?");
        reset.bind(1, userId).run();
        s.audit(userId, "login", "", roleName(role));
        tx.commit();
        return makeSession(userId, role);
    });
}

Result<Ok, QueueError> Store::bootstrapAdmin(const NewUser& user)
{
    return guard([&] {
        Impl& s = *m_impl;
        s.requireKey();
        if (user.role != Role::Admin) {
            raise(QueueErrorCode::InvalidArgument, "the first user must be an admin");
        }
        Tx tx(s.db);
        if (s.db.queryInt("SELECT count(*) FROM users") != 0) {
            raise(QueueErrorCode::InvalidState, "users exist already; an admin must add users");
        }
        insertUser(s, user);
        s.audit("bootstrap", "user-add", "", user.id + " as admin");
        tx.commit();
        return Ok {};
    });
}

Result<Ok, QueueError> Store::addUser(const StaffSession& admin, const NewUser& user)
{
    return guard([&] {
        Impl& s = *m_impl;
        requireRole(admin, { Role::Admin }, "manage users");
        s.requireKey();
        Tx tx(s.db);
        insertUser(s, user);
        s.audit(admin.userId(), "user-add", "", user.id + " as " + roleName(user.role));
        tx.commit();
        return Ok {};
    });
}

Result<Ok, QueueError> Store::setPassword(
    const StaffSession& actor, const std::string& userId, const SecureString& password)
{
    return guard([&] {
        Impl& s = *m_impl;
        if (actor.userId() != userId) {
            requireRole(actor, { Role::Admin }, "change another user's password");
        }
        s.requireKey();
        checkPassword(password);
        const Bytes salt = randomBytes(16);
        const SecureBytes hash = scrypt(view(password), salt, s.options.scrypt);
        Tx tx(s.db);
        requireUser(s, userId);
        Stmt update(s.db,
            "UPDATE users SET salt = ?, hash = ?, scrypt_n = ?, scrypt_r = ?, scrypt_p = ?,"
            " failed_logins = 0, updated_at = ? WHERE id = ?");
        update.bindBlob(1, salt).bindBlob(2, hash);
        update.bind(3, static_cast<std::int64_t>(s.options.scrypt.n));
        update.bind(4, static_cast<std::int64_t>(s.options.scrypt.r));
        update.bind(5, static_cast<std::int64_t>(s.options.scrypt.p));
        update.bind(6, s.now()).bind(7, userId).run();
        s.audit(actor.userId(), "user-passwd", "", userId);
        tx.commit();
        return Ok {};
    });
}

Result<Ok, QueueError> Store::disableUser(const StaffSession& admin, const std::string& userId)
{
    return guard([&] {
        Impl& s = *m_impl;
        requireRole(admin, { Role::Admin }, "manage users");
        s.requireKey();
        Tx tx(s.db);
        requireUser(s, userId);
        Stmt update(s.db, "UPDATE users SET disabled = 1, updated_at = ? WHERE id = ?");
        update.bind(1, s.now()).bind(2, userId).run();
        s.audit(admin.userId(), "user-disable", "", userId);
        tx.commit();
        return Ok {};
    });
}

Result<std::vector<UserInfo>, QueueError> Store::users()
{
    return guard([&] {
        std::vector<UserInfo> out;
        Stmt rows(m_impl->db,
            "SELECT id, display_name, role, failed_logins, disabled FROM users ORDER BY id");
        while (rows.step()) {
            UserInfo info;
            info.id = rows.text(0);
            info.displayName = rows.text(1);
            info.role = parseRole(rows.text(2)).value_or(Role::Reviewer);
            info.failedLogins = static_cast<int>(rows.integer(3));
            info.disabled = rows.integer(4) != 0;
            info.locked = info.failedLogins >= LOCKOUT_FAILURES;
            out.push_back(std::move(info));
        }
        return out;
    });
}

} // namespace kakanai::queue
