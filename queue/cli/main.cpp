// kakanai-queue: the record queue from the command line, for scripts and IT staff.
//
//   kakanai-queue [--db PATH] [--key PATH] COMMAND [ARGS]
//
// Exit codes: see cli.hpp. Nothing personal is printed unless a command is asked to (show
// --reveal, export); passwords come from KAKANAI_PASSWORD / KAKANAI_NEW_PASSWORD or standard
// input, never from the command line.
#include "cli.hpp"

#include <cstdlib>
#include <iostream>

namespace kakanai::queuecli {

namespace {

constexpr const char* USAGE = R"(usage: kakanai-queue [--db PATH] [--key PATH] COMMAND [ARGS]

  --db PATH, KAKANAI_DB     the queue database
  --key PATH, KAKANAI_KEY   the master key file (mode 0600)

  init                              create or migrate the database
  init-key                          create a new master key file at --key
  rekey --new-key PATH --user ADMIN re-wrap every record under a new key file (created if absent)
  submit FILE.json [--my-number-stdin]
                                    store a filled form; prints {"id":…,"ticket":…} after commit
  list [--status S] [--limit N] [--json]
  show ID [--json] [--reveal --user U]
                                    metadata; --reveal adds the form (and, for a supervisor, the
                                    My Number), audited
  claim --user U [--group G]        claim the oldest waiting record
  approve|return|reject ID --user U [--reason R]
  printed ID --user U               an approved record was printed
  export --since T --format jsonl|csv --user SUPERVISOR
  purge [--keep STATUS=DAYS]...     purge records past retention (defaults: returned/rejected 30,
                                    printed/exported 90 days)
  user add ID --name NAME --role reviewer|supervisor|admin [--as ADMIN]
                                    (without --as: the first admin of an empty database)
  user passwd ID [--as ADMIN]       (without --as: the user changes their own password)
  user disable ID --as ADMIN
  user list
  audit verify [--anchor SEQ:HEX]   check the audit log's HMAC chain (and that the entry an
                                    earlier check printed as its anchor is still there)
  stats [--json]                    records per status, median waits, estimated wait
  kpi --from YYYY-MM-DD --to YYYY-MM-DD
                                    CSV per day and procedure for grant reports
  outbox status [--json]            a kiosk's outbox (--db): records waiting for the server, the
                                    oldest one's ticket and age, last success, last error
  outbox forward --to SERVER [--follow]
                                    move waiting records, oldest first, to SERVER (a queue file or
                                    postgresql://…, opened with the same --key), sealed as they
                                    are; --follow keeps forwarding new ones until interrupted

passwords: KAKANAI_PASSWORD (the acting user's), KAKANAI_NEW_PASSWORD (a new one), else one per
line on standard input.
exit codes: 0 ok, 2 usage, 3 input, 4 not found or queue empty, 5 conflict, 6 key,
7 tampering detected (audit verify too), 8 authentication or permission, 9 database
)";

int dispatch(const Context& context, const std::string& command, Args args)
{
    if (command == "init") {
        return runInit(context, std::move(args));
    }
    if (command == "init-key") {
        return runInitKey(context, std::move(args));
    }
    if (command == "rekey") {
        return runRekey(context, std::move(args));
    }
    if (command == "user") {
        return runUser(context, std::move(args));
    }
    if (command == "audit") {
        return runAudit(context, std::move(args));
    }
    if (command == "submit") {
        return runSubmit(context, std::move(args));
    }
    if (command == "list") {
        return runList(context, std::move(args));
    }
    if (command == "show") {
        return runShow(context, std::move(args));
    }
    if (command == "claim") {
        return runClaim(context, std::move(args));
    }
    if (command == "approve" || command == "return" || command == "reject"
        || command == "printed") {
        return runDecide(context, command, std::move(args));
    }
    if (command == "export") {
        return runExport(context, std::move(args));
    }
    if (command == "purge") {
        return runPurge(context, std::move(args));
    }
    if (command == "stats") {
        return runStats(context, std::move(args));
    }
    if (command == "kpi") {
        return runKpi(context, std::move(args));
    }
    if (command == "outbox") {
        return runOutbox(context, std::move(args));
    }
    return usageError("unknown command " + command);
}

} // namespace

int usageError(const std::string& message)
{
    std::cerr << "kakanai-queue: " << message << "\n" << USAGE;
    return EXIT_USAGE;
}

} // namespace kakanai::queuecli

int main(int argc, char** argv)
{
    using namespace kakanai::queuecli;
    Args args(argv + 1, argv + argc);
    Context context;
    if (const char* db = std::getenv("KAKANAI_DB")) {
        context.db = db;
    }
    if (const char* key = std::getenv("KAKANAI_KEY")) {
        context.key = key;
    }
    try {
        if (takeFlag(args, "--help") || takeFlag(args, "-h")) {
            std::cout << USAGE;
            return 0;
        }
        // Global options come before the command.
        while (!args.empty() && (args[0] == "--db" || args[0] == "--key")) {
            if (args.size() < 2) {
                return usageError(args[0] + " needs a value");
            }
            (args[0] == "--db" ? context.db : context.key) = args[1];
            args.erase(args.begin(), args.begin() + 2);
        }
        if (args.empty()) {
            return usageError("no command");
        }
        const std::string command = args[0];
        args.erase(args.begin());
        if (context.db.empty() && command != "init-key") {
            return usageError("no database: give --db PATH or set KAKANAI_DB");
        }
        return dispatch(context, command, std::move(args));
    } catch (const UsageError& e) {
        return usageError(e.message);
    }
}
