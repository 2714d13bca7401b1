// ConsoleOptions::print through the printer library (see printing.hpp).
#include "printing.hpp"

#include "kakanai/printer/cups_sink.hpp"
#include "kakanai/printer/renderer.hpp"
#include "kakanai/queue/clock.hpp"

#include <fstream>
#include <memory>
#include <optional>

namespace kakanai::staff::ui {

namespace {

struct Printer
{
    PrintSetup setup;
    std::optional<printer::Renderer> renderer;

    Result<Ok, std::string> print(const forms::FilledForm& filled, const queue::RecordInfo& info,
        bool ticketOnly, const std::function<void(PrintStage)>& stage)
    {
        stage(PrintStage::Rendering);
        if (!renderer) {
            auto created = printer::Renderer::create();
            if (!created) {
                return fail(printer::describe(created.error()));
            }
            renderer.emplace(std::move(*created));
        }
        const forms::FormTemplate* form = nullptr;
        for (const auto& candidate : setup.templates) {
            if (candidate.id == info.templateId) {
                form = &candidate;
            }
        }
        if (!form) {
            return fail("no template " + info.templateId);
        }
        Result<printer::PdfDocument, printer::RenderError> pdf = printer::PdfDocument {};
        if (ticketOnly) {
            printer::TicketInfo ticket;
            ticket.ticketNumber = info.ticket;
            ticket.recordId = info.id;
            ticket.forms = { form->title };
            ticket.issuedAt = queue::formatLocalTime(info.submittedAtMs, setup.utcOffsetMinutes);
            ticket.language = info.language.empty() ? "ja" : info.language;
            ticket.municipality = setup.municipality;
            pdf = renderer->renderTicket(ticket);
        } else {
            printer::FormPrintInfo print;
            print.recordId = info.id;
            print.ticketNumber = info.ticket;
            print.municipality = setup.municipality;
            pdf = renderer->renderForm(*form, filled, print);
        }
        if (!pdf) {
            return fail(printer::describe(pdf.error()));
        }
        const std::string name = info.ticket + (ticketOnly ? "-ticket" : "-form");
        if (!setup.pdfDir.empty()) {
            stage(PrintStage::Sending);
            const auto file = setup.pdfDir / (name + ".pdf");
            std::ofstream out(file, std::ios::binary | std::ios::trunc);
            out.write(pdf->bytes.data(), static_cast<std::streamsize>(pdf->bytes.size()));
            out.close();
            if (!out) {
                return fail("cannot write " + file.string());
            }
            return Ok {};
        }
        stage(PrintStage::Sending);
        printer::CupsOptions cups;
        cups.printer = setup.cupsPrinter;
        printer::CupsSink sink(cups);
        printer::PrintOptions options;
        options.title = "kakanai " + name; // the ticket number only: not personal
        options.media = ticketOnly ? "" : "A4";
        if (auto done = sink.print(pdf->bytes, options); !done) {
            return fail(printer::describe(done.error()));
        }
        return Ok {};
    }
};

} // namespace

PrintFunction makePrintFunction(PrintSetup setup)
{
    if (setup.cupsPrinter.empty() && setup.pdfDir.empty()) {
        return {};
    }
    auto printer = std::make_shared<Printer>();
    printer->setup = std::move(setup);
    // One job at a time (the console's print thread), so the renderer is never shared.
    return [printer](const forms::FilledForm& filled, const queue::RecordInfo& info,
               bool ticketOnly, const std::function<void(PrintStage)>& stage) {
        return printer->print(filled, info, ticketOnly, stage);
    };
}

} // namespace kakanai::staff::ui
