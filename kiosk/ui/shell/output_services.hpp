// Picks the kiosk's record and print services from the command line:
//   records  --db/--key → QueueRecordService (never in training mode); else FileRecordService
//            in VAR/records.jsonl (VAR/training/records.jsonl in training mode)
//   printer  --printer NAME or --print-dir DIR → PdfPrintService (training: 見本 watermark);
//            else FilePrintService in VAR/printer (VAR/training/printer)
//
// Errors: "cannot create DIR: <reason>", and QueueRecordService::open's messages (the queue or
// its key cannot be opened).
#pragma once

#include "options.hpp"
#include "services.hpp"

#include "kakanai/kiosk/machine.hpp"

#include <memory>
#include <string>

namespace kakanai::kiosk::ui {

struct OutputServices
{
    std::unique_ptr<RecordService> records;
    std::unique_ptr<PrintService> printer;
    std::string description; // "records: …; printer: …" for the log (paths and names only)
};

Result<OutputServices, std::string> makeOutputServices(
    const KioskOptions& options, const KioskSetup& setup);

} // namespace kakanai::kiosk::ui
