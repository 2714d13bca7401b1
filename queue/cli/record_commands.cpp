// kakanai-queue submit, list, show, claim, approve|return|reject|printed.
#include "cli.hpp"
#include "kakanai/queue/json_fields.hpp"

#include <fstream>
#include <iostream>
#include <iterator>
#include <random>
#include <sstream>

namespace kakanai::queuecli {

using namespace kakanai::queue;

namespace {

std::string infoJson(const RecordInfo& r)
{
    std::ostringstream out;
    auto opt = [](std::optional<std::int64_t> ms) {
        return ms ? jsonQuote(formatTime(ms)) : std::string("null");
    };
    out << "{\"id\":" << jsonQuote(r.id) << ",\"ticket\":" << jsonQuote(r.ticket)
        << ",\"status\":" << jsonQuote(statusName(r.status))
        << ",\"template_id\":" << jsonQuote(r.templateId)
        << ",\"template_version\":" << r.templateVersion
        << ",\"procedure\":" << jsonQuote(r.procedure) << ",\"language\":" << jsonQuote(r.language)
        << ",\"kiosk\":" << jsonQuote(r.kioskId)
        << ",\"counter_group\":" << jsonQuote(r.counterGroup)
        << ",\"submitted_at\":" << opt(r.submittedAtMs)
        << ",\"claimed_by\":" << (r.claimedBy.empty() ? "null" : jsonQuote(r.claimedBy))
        << ",\"lease_until\":" << opt(r.leaseUntilMs)
        << ",\"decided_by\":" << (r.decidedBy.empty() ? "null" : jsonQuote(r.decidedBy))
        << ",\"decided_at\":" << opt(r.decidedAtMs) << ",\"purged_at\":" << opt(r.purgedAtMs)
        << ",\"corrections\":" << r.corrections
        << ",\"has_my_number\":" << (r.hasMyNumber ? "true" : "false") << "}";
    return out.str();
}

std::string infoLine(const RecordInfo& r)
{
    return r.ticket + "\t" + statusName(r.status) + "\t" + r.id + "\t" + r.procedure + "\t"
        + formatTime(r.submittedAtMs) + (r.claimedBy.empty() ? "" : "\t" + r.claimedBy);
}

std::string newUuid()
{
    std::random_device device;
    char text[40];
    std::snprintf(text, sizeof text, "%08x-%04x-4%03x-%04x-%04x%08x", device(), device() & 0xffff,
        device() & 0xfff, (device() & 0x3fff) | 0x8000, device() & 0xffff, device());
    return text;
}

bool readFile(const std::string& path, SecureString& out)
{
    std::ifstream in;
    std::istream* stream = &std::cin;
    if (path != "-") {
        in.open(path, std::ios::binary);
        if (!in) {
            return false;
        }
        stream = &in;
    }
    out.reserve(16 * 1024);
    out.assign(std::istreambuf_iterator<char>(*stream), {});
    return !stream->bad();
}

std::string field(const JsonFields& fields, const char* key, const std::string& fallback)
{
    const auto it = fields.find(key);
    return it == fields.end() ? fallback : it->second;
}

} // namespace

int runSubmit(const Context& context, Args args)
{
    const bool myNumberStdin = takeFlag(args, "--my-number-stdin");
    requirePositional(args, 1, "submit FILE.json");
    Submission s;
    if (!readFile(args[0], s.payload)) {
        std::cerr << "kakanai-queue: cannot read " << args[0] << "\n";
        return EXIT_INPUT;
    }
    while (!s.payload.empty()
        && (s.payload.back() == '\n' || s.payload.back() == '\r' || s.payload.back() == ' ')) {
        s.payload.pop_back();
    }
    const auto fields = scanJsonObject(std::string_view(s.payload.data(), s.payload.size()));
    if (!fields) {
        std::cerr << "kakanai-queue: " << args[0] << " is not one JSON object\n";
        return EXIT_INPUT;
    }
    s.id = field(*fields, "id", "");
    if (s.id.empty()) {
        s.id = newUuid();
    }
    s.templateId = field(*fields, "template_id", "");
    if (s.templateId.empty()) {
        std::cerr << "kakanai-queue: " << args[0] << " has no \"template_id\"\n";
        return EXIT_INPUT;
    }
    const std::string version = field(*fields, "template_version", "1");
    s.templateVersion = std::atoi(version.c_str());
    s.procedure = field(*fields, "procedure", "");
    s.language = field(*fields, "language", "ja");
    s.kioskId = field(*fields, "kiosk", "cli");
    s.counterGroup = field(*fields, "counter_group", "A");
    s.visitId = field(*fields, "visit_id", "");
    if (myNumberStdin) {
        s.myNumber = readSecret("KAKANAI_MY_NUMBER");
    }
    auto store = openStore(context, true);
    if (!store) {
        return reportError(store.error());
    }
    auto receipt = store->submit(s);
    if (!receipt) {
        return reportError(receipt.error());
    }
    // Printed only now: the commit (synchronous=FULL) has returned.
    std::cout << "{\"id\":" << jsonQuote(receipt->id)
              << ",\"ticket\":" << jsonQuote(receipt->ticket) << "}" << std::endl;
    return 0;
}

int runList(const Context& context, Args args)
{
    const auto status = takeOption(args, "--status");
    const auto limit = takeOption(args, "--limit");
    const bool json = takeFlag(args, "--json");
    requirePositional(args, 0, "list [--status S] [--limit N] [--json]");
    std::optional<Status> filter;
    if (status) {
        filter = parseStatus(*status);
        if (!filter) {
            return usageError("unknown status " + *status);
        }
    }
    auto store = openStore(context, false);
    if (!store) {
        return reportError(store.error());
    }
    auto records = store->list(filter, limit ? std::stoul(*limit) : 0);
    if (!records) {
        return reportError(records.error());
    }
    if (json) {
        std::cout << "[";
        for (std::size_t i = 0; i < records->size(); ++i) {
            std::cout << (i ? ",\n" : "") << infoJson((*records)[i]);
        }
        std::cout << "]\n";
    } else {
        for (const RecordInfo& r : *records) {
            std::cout << infoLine(r) << "\n";
        }
    }
    return 0;
}

int runShow(const Context& context, Args args)
{
    const bool reveal = takeFlag(args, "--reveal");
    const bool json = takeFlag(args, "--json");
    const auto user = takeOption(args, "--user");
    requirePositional(args, 1, "show ID [--json] [--reveal --user U]");
    if (reveal && !user) {
        return usageError("--reveal needs --user U (it is audited)");
    }
    auto store = openStore(context, reveal);
    if (!store) {
        return reportError(store.error());
    }
    auto info = store->get(args[0]);
    if (!info) {
        return reportError(info.error());
    }
    if (!reveal) {
        std::cout << (json ? infoJson(*info) : infoLine(*info)) << "\n";
        return 0;
    }
    auto session = login(*store, *user);
    if (!session) {
        return reportError(session.error());
    }
    auto payload = store->readPayload(*session, args[0]);
    if (!payload) {
        return reportError(payload.error());
    }
    SecureString number;
    if (info->hasMyNumber && session->role() == Role::Supervisor) {
        auto revealed = store->revealMyNumber(*session, args[0]);
        if (!revealed) {
            return reportError(revealed.error());
        }
        number = *revealed;
    }
    std::string head = infoJson(*info);
    head.pop_back(); // reopen the object to add the form
    std::cout << head << ",\"my_number\":"
              << (number.empty() ? std::string("null")
                                 : "\"" + std::string(number.data(), number.size()) + "\"");
    std::cout << ",\"form\":";
    std::cout.write(payload->data(), static_cast<std::streamsize>(payload->size()));
    std::cout << "}\n";
    return 0;
}

int runClaim(const Context& context, Args args)
{
    const auto user = takeOption(args, "--user");
    const auto group = takeOption(args, "--group");
    requirePositional(args, 0, "claim --user U [--group G]");
    if (!user) {
        return usageError("claim needs --user U");
    }
    auto store = openStore(context, true);
    if (!store) {
        return reportError(store.error());
    }
    auto session = login(*store, *user);
    if (!session) {
        return reportError(session.error());
    }
    auto claimed = store->claimNext(*session, group.value_or(""));
    if (!claimed) {
        return reportError(claimed.error());
    }
    if (!claimed->has_value()) {
        std::cerr << "kakanai-queue: no record is waiting\n";
        return EXIT_NOT_FOUND;
    }
    std::cout << infoJson(**claimed) << "\n";
    return 0;
}

int runDecide(const Context& context, const std::string& command, Args args)
{
    const auto user = takeOption(args, "--user");
    const auto reason = takeOption(args, "--reason");
    requirePositional(args, 1, "ID --user U [--reason R]");
    if (!user) {
        return usageError(command + " needs --user U");
    }
    auto store = openStore(context, true);
    if (!store) {
        return reportError(store.error());
    }
    auto session = login(*store, *user);
    if (!session) {
        return reportError(session.error());
    }
    SecureString why;
    if (reason) {
        assignSecure(why, *reason);
    }
    auto result = command == "printed"
        ? store->markPrinted(*session, args[0])
        : store->decide(*session, args[0], *parseDecision(command), why);
    if (!result) {
        return reportError(result.error());
    }
    std::cout << "{\"id\":" << jsonQuote(result->id)
              << ",\"status\":" << jsonQuote(statusName(result->status)) << "}\n";
    return 0;
}

} // namespace kakanai::queuecli
