// kakanai-queue init, init-key, rekey, user add|passwd|disable|list, audit verify.
#include "cli.hpp"

#include <iostream>

namespace kakanai::queuecli {

using namespace kakanai::queue;

int runInit(const Context& context, Args args)
{
    requirePositional(args, 0, "no arguments");
    auto store = openStore(context, false, true);
    if (!store) {
        return reportError(store.error());
    }
    std::cout << "initialised " << shownLocation(context.db) << " (schema version "
              << (store->isPostgres() ? Store::postgresSchemaVersion() : Store::schemaVersion())
              << (context.key.empty() ? ", no key yet" : ", key loaded") << ")\n";
    return 0;
}

int runInitKey(const Context& context, Args args)
{
    requirePositional(args, 0, "no arguments");
    if (context.key.empty()) {
        return usageError("init-key needs --key PATH or KAKANAI_KEY");
    }
    auto key = createMasterKeyFile(context.key);
    if (!key) {
        return reportError(key.error());
    }
    std::cout << "created " << context.key << " (key id " << key->id << ", mode 0600)\n";
    return 0;
}

int runRekey(const Context& context, Args args)
{
    const auto newPath = takeOption(args, "--new-key");
    const auto user = takeOption(args, "--user");
    requirePositional(args, 0, "rekey --new-key PATH --user ADMIN");
    if (!newPath || !user) {
        return usageError("rekey needs --new-key PATH and --user ADMIN");
    }
    auto store = openStore(context, true);
    if (!store) {
        return reportError(store.error());
    }
    auto session = login(*store, *user);
    if (!session) {
        return reportError(session.error());
    }
    auto newKey = loadMasterKey(*newPath);
    if (!newKey && newKey.error().code == QueueErrorCode::KeyMissing) {
        newKey = createMasterKeyFile(*newPath);
    }
    if (!newKey) {
        return reportError(newKey.error());
    }
    auto count = store->rekey(*session, *newKey);
    if (!count) {
        return reportError(count.error());
    }
    std::cout << "re-wrapped " << *count << " records under key " << newKey->id << " (" << *newPath
              << "); use that file as the key from now on\n";
    return 0;
}

namespace {

int userAdd(Store& store, Args args)
{
    const auto name = takeOption(args, "--name");
    const auto role = takeOption(args, "--role");
    const auto as = takeOption(args, "--as");
    requirePositional(args, 1, "user add ID --name NAME --role ROLE [--as ADMIN]");
    if (!name || !role || !parseRole(*role)) {
        return usageError("user add needs --name NAME and --role reviewer|supervisor|admin");
    }
    NewUser user { args[0], *name, *parseRole(*role), {} };
    if (as) {
        auto admin = login(store, *as);
        if (!admin) {
            return reportError(admin.error());
        }
        user.password = readSecret("KAKANAI_NEW_PASSWORD");
        auto added = store.addUser(*admin, user);
        if (!added) {
            return reportError(added.error());
        }
    } else {
        user.password = readSecret("KAKANAI_NEW_PASSWORD");
        auto added = store.bootstrapAdmin(user);
        if (!added) {
            return reportError(added.error());
        }
    }
    std::cout << "added " << user.id << " (" << roleName(user.role) << ")\n";
    return 0;
}

int userPasswd(Store& store, Args args)
{
    const auto as = takeOption(args, "--as");
    requirePositional(args, 1, "user passwd ID [--as ADMIN]");
    auto actor = login(store, as ? *as : args[0]);
    if (!actor) {
        return reportError(actor.error());
    }
    auto changed = store.setPassword(*actor, args[0], readSecret("KAKANAI_NEW_PASSWORD"));
    if (!changed) {
        return reportError(changed.error());
    }
    std::cout << "password of " << args[0] << " changed\n";
    return 0;
}

int userDisable(Store& store, Args args)
{
    const auto as = takeOption(args, "--as");
    requirePositional(args, 1, "user disable ID --as ADMIN");
    if (!as) {
        return usageError("user disable needs --as ADMIN");
    }
    auto admin = login(store, *as);
    if (!admin) {
        return reportError(admin.error());
    }
    auto disabled = store.disableUser(*admin, args[0]);
    if (!disabled) {
        return reportError(disabled.error());
    }
    std::cout << "disabled " << args[0] << "\n";
    return 0;
}

} // namespace

int runUser(const Context& context, Args args)
{
    if (args.empty()) {
        return usageError("user needs add, passwd, disable or list");
    }
    const std::string sub = args[0];
    args.erase(args.begin());
    if (sub == "list") {
        requirePositional(args, 0, "user list");
    } else if (sub != "add" && sub != "passwd" && sub != "disable") {
        return usageError("unknown user command " + sub);
    }
    auto store = openStore(context, sub != "list");
    if (!store) {
        return reportError(store.error());
    }
    if (sub == "add") {
        return userAdd(*store, std::move(args));
    }
    if (sub == "passwd") {
        return userPasswd(*store, std::move(args));
    }
    if (sub == "disable") {
        return userDisable(*store, std::move(args));
    }
    auto users = store->users();
    if (!users) {
        return reportError(users.error());
    }
    for (const UserInfo& user : *users) {
        std::cout << user.id << "\t" << roleName(user.role) << "\t" << user.displayName
                  << (user.disabled        ? "\tdisabled"
                             : user.locked ? "\tlocked"
                                           : "")
                  << "\n";
    }
    return 0;
}

int runAudit(const Context& context, Args args)
{
    std::optional<queue::AuditAnchor> anchor;
    if (const auto text = takeOption(args, "--anchor")) {
        anchor = queue::parseAuditAnchor(*text);
        if (!anchor) {
            return usageError("--anchor wants SEQ:HEX (what an earlier audit verify printed)");
        }
    }
    requirePositional(args, 1, "audit verify");
    if (args[0] != "verify") {
        return usageError("unknown audit command " + args[0]);
    }
    auto store = openStore(context, true);
    if (!store) {
        return reportError(store.error());
    }
    auto report = store->verifyAudit(anchor);
    if (!report) {
        return reportError(report.error());
    }
    if (!report->ok) {
        std::cerr << "kakanai-queue: audit log BROKEN: " << report->problem << "\n";
        return EXIT_TAMPERED;
    }
    std::cout << "audit log ok: " << report->entries << " entries"
              << (anchor ? ", anchor " + std::to_string(anchor->seq) + " matches" : "") << "\n";
    if (report->head.seq > 0) {
        // Kept outside this machine, it lets a later check see entries deleted at the end.
        std::cout << "anchor: " << queue::formatAuditAnchor(report->head) << "\n";
    }
    return 0;
}

} // namespace kakanai::queuecli
