// kakanai-print form / ticket / printers.
#include "cli.hpp"

#include "kakanai/printer/cups_sink.hpp"

#include <iostream>

namespace kakanai::printcli {
namespace {

/** Parses the shared options plus --data (repeatable) and --template / --issued-at. */
struct Command
{
    Output output;
    std::vector<std::string> data;
    std::string templateId;
    std::string issuedAt;
    bool noBackground = false; // form --no-background: the ruled layout even with a background
};

Result<Command, int> parse(const Args& args, bool ticket)
{
    Command command;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string error;
        if (takeOutputOption(args, i, command.output, error)) {
            if (!error.empty()) {
                return fail(usageError(error));
            }
            continue;
        }
        const std::string& option = args[i];
        if (!ticket && option == "--no-background") {
            command.noBackground = true;
            continue;
        }
        const bool known = option == "--data" || (!ticket && option == "--template")
            || (ticket && option == "--issued-at");
        if (!known) {
            return fail(usageError("unknown option '" + option + "'"));
        }
        if (i + 1 >= args.size()) {
            return fail(usageError(option + " needs a value"));
        }
        const std::string& value = args[++i];
        if (option == "--data") {
            command.data.push_back(value);
        } else if (option == "--template") {
            command.templateId = value;
        } else {
            command.issuedAt = value;
        }
    }
    if (command.data.empty() || (!ticket && command.data.size() > 1)) {
        return fail(usageError(ticket ? "--data is required" : "give exactly one --data"));
    }
    if (command.output.outPath.empty() == command.output.printer.empty()) {
        return fail(usageError("give either --out FILE.pdf or --printer NAME"));
    }
    if (ticket && command.output.ticketNumber.empty()) {
        return fail(usageError("--ticket is required"));
    }
    return command;
}

forms::LocalizedText municipality(const forms::ConfigSet& config)
{
    return config.kiosk ? config.kiosk->municipalityName : forms::LocalizedText {};
}

} // namespace

int runForm(const Args& args)
{
    auto command = parse(args, false);
    if (!command) {
        return command.error();
    }
    auto filled = readFilledForm(command->data.front());
    if (!filled) {
        return filled.error();
    }
    if (!command->templateId.empty() && command->templateId != filled->templateId) {
        return inputError("the form is of template '" + filled->templateId + "', not '"
            + command->templateId + "'");
    }
    auto config = loadConfiguration(command->output.configDir, { filled->templateId });
    if (!config) {
        return config.error();
    }
    auto renderer = makeRenderer(command->output);
    if (!renderer) {
        return renderer.error();
    }
    const forms::FormTemplate& form = *config->findTemplate(filled->templateId);
    printer::FormPrintInfo info { command->output.recordId, command->output.ticketNumber,
        municipality(*config), command->output.training };
    info.templateBackground = !command->noBackground;
    return deliver(renderer->renderForm(form, *filled, info), command->output, form.id, "A4");
}

int runTicket(const Args& args)
{
    auto command = parse(args, true);
    if (!command) {
        return command.error();
    }
    std::vector<forms::FilledForm> visit;
    std::vector<std::string> ids;
    for (const std::string& path : command->data) {
        auto filled = readFilledForm(path);
        if (!filled) {
            return filled.error();
        }
        ids.push_back(filled->templateId);
        visit.push_back(std::move(filled.value()));
    }
    auto config = loadConfiguration(command->output.configDir, ids);
    if (!config) {
        return config.error();
    }
    auto renderer = makeRenderer(command->output);
    if (!renderer) {
        return renderer.error();
    }
    printer::TicketInfo ticket;
    ticket.ticketNumber = command->output.ticketNumber;
    ticket.recordId
        = command->output.recordId.empty() ? visit.front().recordId : command->output.recordId;
    for (const auto& id : ids) {
        ticket.forms.push_back(config->findTemplate(id)->title);
    }
    ticket.issuedAt = command->issuedAt.empty() ? visit.front().createdAt : command->issuedAt;
    ticket.language = visit.front().language;
    ticket.municipality = municipality(*config);
    ticket.training = command->output.training;
    return deliver(renderer->renderTicket(ticket), command->output, "ticket", "");
}

int runPrinters(const Args& args)
{
    std::string server;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--server" && i + 1 < args.size()) {
            server = args[++i];
        } else {
            return usageError("unknown option '" + args[i] + "'");
        }
    }
    auto printers = printer::listPrinters(server);
    if (!printers) {
        std::cerr << "kakanai-print: " << printer::describe(printers.error()) << "\n";
        return EXIT_PRINT;
    }
    for (const auto& queue : *printers) {
        std::string reasons;
        for (const auto& reason : queue.reasons) {
            reasons += (reasons.empty() ? "" : ",") + reason;
        }
        std::cout << queue.name << "\t" << printer::printerStateName(queue.state) << "\t"
                  << (queue.acceptingJobs ? "accepting" : "rejecting") << "\t"
                  << (reasons.empty() ? "-" : reasons) << "\t" << queue.deviceUri << "\n";
    }
    return 0;
}

} // namespace kakanai::printcli
