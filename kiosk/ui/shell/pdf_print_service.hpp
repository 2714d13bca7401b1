// PdfPrintService: the kiosk's PrintService on the printer library. Each form of the visit is
// rendered to an A4 PDF (printer::Renderer, FormPrintInfo{record id, ticket, municipality,
// training}) and the visit's ticket to an 80 mm PDF; each goes to a CUPS queue (CupsSink, when
// --printer NAME is given; CUPS_SERVER picks the server) or, with --print-dir DIR, into DIR as
// <ticket>-form-<n>-<template>.pdf and <ticket>-ticket.pdf. Training mode stamps 見本/SAMPLE on
// every page.
//
// One person's data on that person's papers: before anything is rendered, every form's record
// id must be one the record service stored for THIS visit (RecordService::belongsToVisit, asked
// through `owner`); the shell has already checked that the visit is the current one.
//
// The renderer is created on the first print, on the output worker's thread (one Renderer per
// thread), so the kiosk's cold start does not wait for the fonts.
//
// Errors (English, never personal data): "no forms", "record ID is not part of visit VISIT",
// "unknown template ID", "cannot render: <render error>", "cannot print: <print error>",
// "cannot write FILE".
#pragma once

#include "services.hpp"

#include "kakanai/printer/print_sink.hpp"
#include "kakanai/printer/renderer.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kakanai::kiosk::ui {

struct PdfPrintOptions
{
    std::string printer; ///< --printer: a CUPS queue name ("" = write into `directory`)
    std::filesystem::path directory; ///< --print-dir
    bool training = false;
    forms::LocalizedText municipality; ///< kiosk.toml's name
    std::vector<forms::FormTemplate> templates;
    /** Does `recordId` belong to `visitId`? (RecordService::belongsToVisit) */
    std::function<bool(const std::string& visitId, const std::string& recordId)> owner;
};

/** Writes each PDF as DIR/<title>.pdf (the title made file-safe). */
class DirectorySink final : public printer::PrintSink
{
public:
    explicit DirectorySink(std::filesystem::path directory);
    Result<printer::JobOutcome, printer::PrintError> print(
        std::string_view pdf, const printer::PrintOptions& options) override;

private:
    std::filesystem::path m_directory;
    int m_jobs = 0;
};

class PdfPrintService final : public PrintService
{
public:
    explicit PdfPrintService(PdfPrintOptions options);
    ~PdfPrintService() override;
    Result<Ok, std::string> print(const std::string& visitId, const std::string& ticket,
        const std::vector<forms::FilledForm>& forms) override;

private:
    PdfPrintOptions m_options;
    std::unique_ptr<printer::PrintSink> m_sink;
    std::optional<printer::Renderer> m_renderer;
};

} // namespace kakanai::kiosk::ui
