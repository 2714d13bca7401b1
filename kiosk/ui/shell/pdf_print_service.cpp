#include "pdf_print_service.hpp"

#include "kakanai/printer/cups_sink.hpp"

#include <algorithm>
#include <chrono>
#include <fstream>

namespace kakanai::kiosk::ui {

namespace {

std::string fileSafe(const std::string& title)
{
    std::string name = title;
    for (char& c : name) {
        const bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
            || c == '-' || c == '_' || c == '.';
        if (!ok) {
            c = '_';
        }
    }
    return name.empty() ? "job" : name;
}

} // namespace

DirectorySink::DirectorySink(std::filesystem::path directory)
    : m_directory(std::move(directory))
{
}

Result<printer::JobOutcome, printer::PrintError> DirectorySink::print(
    std::string_view pdf, const printer::PrintOptions& options)
{
    const auto started = std::chrono::steady_clock::now();
    printer::PrintError error;
    error.printer = m_directory.string();
    std::error_code ignored;
    // Like FilePrintService: the file DIR/STOP stands for a stopped printer (tests, demo).
    if (std::filesystem::exists(m_directory / "STOP", ignored)) {
        error.kind = printer::PrintErrorKind::PrinterStopped;
        error.detail = "the print folder has a STOP file";
        return fail(error);
    }
    const auto file = m_directory / (fileSafe(options.title) + ".pdf");
    const auto partial = file.string() + ".part";
    {
        std::ofstream out(partial, std::ios::binary | std::ios::trunc);
        out.write(pdf.data(), static_cast<std::streamsize>(pdf.size()));
        out.flush();
        if (!out) {
            error.detail = "cannot write " + partial;
            return fail(error);
        }
    }
    std::error_code renamed;
    std::filesystem::rename(partial, file, renamed);
    if (renamed) {
        error.detail = "cannot write " + file.string();
        return fail(error);
    }
    return printer::JobOutcome { m_directory.string(), ++m_jobs,
        std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::steady_clock::now() - started) };
}

PdfPrintService::PdfPrintService(PdfPrintOptions options)
    : m_options(std::move(options))
{
    if (!m_options.printer.empty()) {
        printer::CupsOptions cups;
        cups.printer = m_options.printer;
        m_sink = std::make_unique<printer::CupsSink>(std::move(cups));
    } else {
        m_sink = std::make_unique<DirectorySink>(m_options.directory);
    }
}

PdfPrintService::~PdfPrintService() = default;

Result<Ok, std::string> PdfPrintService::print(const std::string& visitId,
    const std::string& ticket, const std::vector<forms::FilledForm>& forms)
{
    if (forms.empty()) {
        return fail(std::string("no forms"));
    }
    // Nothing is rendered unless every record is this visit's (as the record store knows it).
    std::vector<const forms::FormTemplate*> templates;
    for (const forms::FilledForm& form : forms) {
        if (form.recordId.empty() || !m_options.owner || !m_options.owner(visitId, form.recordId)) {
            return fail("record " + form.recordId + " is not part of visit " + visitId);
        }
        const auto found = std::find_if(m_options.templates.begin(), m_options.templates.end(),
            [&](const forms::FormTemplate& t) { return t.id == form.templateId; });
        if (found == m_options.templates.end()) {
            return fail("unknown template " + form.templateId);
        }
        templates.push_back(&*found);
    }
    if (!m_renderer) {
        auto renderer = printer::Renderer::create();
        if (!renderer) {
            return fail("cannot render: " + printer::describe(renderer.error()));
        }
        m_renderer.emplace(std::move(*renderer));
    }
    std::vector<printer::PdfDocument> documents;
    for (std::size_t i = 0; i < forms.size(); ++i) {
        printer::FormPrintInfo info;
        info.recordId = forms[i].recordId;
        info.ticketNumber = ticket;
        info.municipality = m_options.municipality;
        info.training = m_options.training;
        auto pdf = m_renderer->renderForm(*templates[i], forms[i], info);
        if (!pdf) {
            return fail("cannot render: " + printer::describe(pdf.error()));
        }
        documents.push_back(std::move(*pdf));
    }
    printer::TicketInfo info;
    info.ticketNumber = ticket;
    info.recordId = forms.front().recordId;
    for (const auto* form : templates) {
        info.forms.push_back(form->title);
    }
    info.issuedAt = forms.front().createdAt;
    info.language = forms.front().language;
    info.municipality = m_options.municipality;
    info.training = m_options.training;
    auto ticketPdf = m_renderer->renderTicket(info);
    if (!ticketPdf) {
        return fail("cannot render: " + printer::describe(ticketPdf.error()));
    }
    // Job titles carry the ticket and the template only (staff see them in the CUPS queue).
    for (std::size_t i = 0; i < documents.size(); ++i) {
        printer::PrintOptions options;
        options.title = ticket + "-form-" + std::to_string(i + 1) + "-" + forms[i].templateId;
        options.media = "A4";
        auto printed = m_sink->print(documents[i].bytes, options);
        if (!printed) {
            return fail("cannot print: " + printer::describe(printed.error()));
        }
    }
    printer::PrintOptions options;
    options.title = ticket + "-ticket";
    auto printed = m_sink->print(ticketPdf->bytes, options);
    if (!printed) {
        return fail("cannot print: " + printer::describe(printed.error()));
    }
    return Ok {};
}

} // namespace kakanai::kiosk::ui
