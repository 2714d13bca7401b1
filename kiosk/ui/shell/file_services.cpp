#include "services.hpp"

#include "kakanai/forms/filled_json.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>

namespace kakanai::kiosk::ui {

FileRecordService::FileRecordService(std::filesystem::path file, std::string prefix)
    : m_file(std::move(file))
    , m_prefix(std::move(prefix))
{
}

Result<Receipt, std::string> FileRecordService::submit(const std::string& visitId,
    const std::vector<forms::FilledForm>& forms, std::optional<std::int64_t> /*cardReadAtMs*/)
{
    if (forms.empty()) {
        return fail(std::string("no forms"));
    }
    std::lock_guard lock(m_mutex);
    char ticket[32];
    std::snprintf(ticket, sizeof ticket, "%s-%03d", m_prefix.c_str(), m_next);
    std::string lines;
    for (const auto& form : forms) {
        // The form's JSON is embedded as parsed JSON so that the file stays one object a line.
        nlohmann::json line;
        line["visit"] = visitId;
        line["ticket"] = ticket;
        line["form"] = nlohmann::json::parse(forms::toJson(form));
        lines += line.dump() + "\n";
    }
    std::ofstream out(m_file, std::ios::app | std::ios::binary);
    if (!out) {
        return fail("cannot open " + m_file.string());
    }
    out << lines << std::flush;
    if (!out) {
        return fail("cannot write " + m_file.string());
    }
    auto& ids = m_visits[visitId];
    for (const auto& form : forms) {
        ids.insert(form.recordId);
    }
    Receipt receipt { ticket, (m_next - 1) * 5 };
    ++m_next;
    return receipt;
}

bool FileRecordService::belongsToVisit(const std::string& visitId, const std::string& recordId)
{
    std::lock_guard lock(m_mutex);
    const auto visit = m_visits.find(visitId);
    return visit != m_visits.end() && visit->second.count(recordId) > 0;
}

FilePrintService::FilePrintService(std::filesystem::path dir, bool training)
    : m_dir(std::move(dir))
    , m_training(training)
{
}

Result<Ok, std::string> FilePrintService::print(const std::string& visitId,
    const std::string& ticket, const std::vector<forms::FilledForm>& forms)
{
    std::error_code ignored;
    if (std::filesystem::exists(m_dir / "STOP", ignored)) {
        return fail(std::string("printer stopped"));
    }
    std::string text;
    if (m_training) {
        text += "SAMPLE 見本\n";
    }
    text += "ticket " + ticket + "\nvisit " + visitId + "\n";
    for (const auto& form : forms) {
        text += "form " + form.templateId + " record " + form.recordId + "\n";
    }
    const auto file = m_dir / (ticket + ".txt");
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (!out) {
        return fail("cannot open " + file.string());
    }
    out << text << std::flush;
    if (!out) {
        return fail("cannot write " + file.string());
    }
    return Ok {};
}

} // namespace kakanai::kiosk::ui
