// The two services the kiosk's shell hands a finished visit to: the record queue and the
// printer. The real ones are QueueRecordService (queue_record_service.hpp, the SQLite queue) and
// PdfPrintService (pdf_print_service.hpp, PDFs to CUPS or a folder); the file-based versions here
// (records as filled-form JSON lines, a text "printout") serve training mode and the tests.
//
// Both are called on a worker thread, never on the UI thread.
//
// Errors: submit() and print() return an English reason (for the log; never personal data):
// "cannot open FILE", "cannot write FILE", "no forms".
#pragma once

#include "kakanai/base/result.hpp"
#include "kakanai/forms/template.hpp"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace kakanai::kiosk::ui {

struct Receipt
{
    std::string ticket; // e.g. "A-042"
    int waitMinutes = -1; // -1: unknown
};

class RecordService
{
public:
    virtual ~RecordService() = default;
    /**
     * Stores every form of one visit (each carries its record id); gives the visit's ticket.
     * `cardReadAtMs` (Unix ms) is when the card was read, for the queue's KPI.
     */
    virtual Result<Receipt, std::string> submit(const std::string& visitId,
        const std::vector<forms::FilledForm>& forms, std::optional<std::int64_t> cardReadAtMs)
        = 0;
    /** True if this service stored `recordId` as part of `visitId` (checked before printing). */
    virtual bool belongsToVisit(const std::string& visitId, const std::string& recordId) = 0;
};

class PrintService
{
public:
    virtual ~PrintService() = default;
    /** Prints the forms and the ticket of one visit. */
    virtual Result<Ok, std::string> print(const std::string& visitId, const std::string& ticket,
        const std::vector<forms::FilledForm>& forms)
        = 0;
};

/** Appends one line {"visit":…,"ticket":…,"form":<filled-form JSON>} per form to `file`. */
class FileRecordService final : public RecordService
{
public:
    /** Tickets are `prefix`-001, -002, …; the estimated wait is 5 minutes per earlier ticket. */
    explicit FileRecordService(std::filesystem::path file, std::string prefix = "A");
    Result<Receipt, std::string> submit(const std::string& visitId,
        const std::vector<forms::FilledForm>& forms,
        std::optional<std::int64_t> cardReadAtMs) override;
    bool belongsToVisit(const std::string& visitId, const std::string& recordId) override;

private:
    std::filesystem::path m_file;
    std::string m_prefix;
    std::mutex m_mutex;
    int m_next = 1;
    std::map<std::string, std::set<std::string>> m_visits; // visit id → record ids written
};

/**
 * Writes `dir`/<ticket>.txt: the ticket, the visit id and each form's record id and template;
 * "SAMPLE 見本" on top in training mode. Fails with "printer stopped" while the file `dir`/STOP
 * exists (how the tests stop the printer).
 */
class FilePrintService final : public PrintService
{
public:
    FilePrintService(std::filesystem::path dir, bool training);
    Result<Ok, std::string> print(const std::string& visitId, const std::string& ticket,
        const std::vector<forms::FilledForm>& forms) override;

private:
    std::filesystem::path m_dir;
    bool m_training;
};

} // namespace kakanai::kiosk::ui
