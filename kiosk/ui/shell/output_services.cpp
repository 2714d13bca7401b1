#include "output_services.hpp"

#include "pdf_print_service.hpp"
#include "queue_record_service.hpp"

namespace kakanai::kiosk::ui {

namespace {

Result<Ok, std::string> makeFolder(const std::filesystem::path& dir)
{
    std::error_code error;
    std::filesystem::create_directories(dir, error);
    if (error) {
        return fail("cannot create " + dir.string() + ": " + error.message());
    }
    return Ok {};
}

} // namespace

Result<OutputServices, std::string> makeOutputServices(
    const KioskOptions& options, const KioskSetup& setup)
{
    OutputServices out;
    // Training writes nowhere near the real records: its own folder, every printout marked.
    const auto var = options.training ? options.var / "training" : options.var;
    if (auto made = makeFolder(var); !made) {
        return fail(made.error());
    }
    if (!options.database.empty() && !options.training) {
        QueueRecordOptions queueOptions;
        queueOptions.database = options.database;
        queueOptions.keyFile = options.keyFile;
        queueOptions.counterGroup = options.counterGroup;
        queueOptions.ticketPrefix = options.ticketPrefix;
        queueOptions.templates = setup.templates;
        auto queue = QueueRecordService::open(queueOptions);
        if (!queue) {
            return fail(queue.error());
        }
        out.records = std::move(*queue);
        out.description = "records: queue " + options.database.string();
    } else {
        out.records = std::make_unique<FileRecordService>(var / "records.jsonl");
        out.description = "records: " + (var / "records.jsonl").string();
        if (!options.database.empty()) {
            out.description += " (training: --db ignored)";
        }
    }
    if (!options.printer.empty() || !options.printDir.empty()) {
        if (!options.printDir.empty()) {
            if (auto made = makeFolder(options.printDir); !made) {
                return fail(made.error());
            }
        }
        PdfPrintOptions printOptions;
        printOptions.printer = options.printer;
        printOptions.directory = options.printDir;
        printOptions.training = options.training;
        printOptions.municipality = setup.kiosk.municipalityName;
        printOptions.templates = setup.templates;
        RecordService* records = out.records.get(); // outlives the printer (KioskParts order)
        printOptions.owner = [records](const std::string& visit, const std::string& record) {
            return records->belongsToVisit(visit, record);
        };
        out.printer = std::make_unique<PdfPrintService>(std::move(printOptions));
        out.description += "; printer: "
            + (options.printer.empty() ? "PDFs in " + options.printDir.string()
                                       : "CUPS queue " + options.printer);
    } else {
        if (auto made = makeFolder(var / "printer"); !made) {
            return fail(made.error());
        }
        out.printer = std::make_unique<FilePrintService>(var / "printer", options.training);
        out.description += "; printer: " + (var / "printer").string();
    }
    if (options.training) {
        out.description += " (training)";
    }
    return out;
}

} // namespace kakanai::kiosk::ui
