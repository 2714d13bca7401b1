// The desk's output (see desk.hpp): the print job's progress and outcome for the top bar (the
// same for a form printed while reviewing and for an approved record opened again to print it),
// and the supervisor's export panel.
#include "desk.hpp"

#include "kakanai/queue/clock.hpp"

#include <algorithm>
#include <iostream>

namespace kakanai::staff::ui {

bool Desk::onPrintProgress()
{
    if (!m_console.finishPrint()) {
        return false;
    }
    const auto status = m_console.printStatus();
    if (!status || status->state == PrintStatus::State::Running) {
        ++m_generation; // the stage moved on
        return true;
    }
    const char* what = status->ticketOnly ? "番号札" : "様式";
    const std::string seconds
        = std::to_string((status->endedAtMs - status->startedAtMs + 500) / 1000) + "秒";
    if (status->state == PrintStatus::State::Failed) {
        std::cerr << "kakanai-staff: print of " << status->recordId << " failed\n";
        report(status->error, "print");
        return true;
    }
    std::cerr << "kakanai-staff: printed " << (status->ticketOnly ? "the ticket of " : "")
              << status->recordId << (status->markedPrinted ? " (now printed)" : "") << "\n";
    succeed(status->ticket + " の" + what + "を印刷しました（" + seconds + "）"
        + (status->markedPrinted ? "。記録は印刷済になりました。" : "。"));
    if (status->markedPrinted) {
        (void)m_console.refresh();
        rememberRows();
    }
    return true;
}

std::string Desk::printLine() const
{
    const auto status = m_console.printStatus();
    if (!status || status->state != PrintStatus::State::Running) {
        return "";
    }
    const std::int64_t seconds
        = std::max<std::int64_t>(0, m_clock.nowMs() - status->startedAtMs) / 1000;
    return "印刷中… " + status->ticket + (status->ticketOnly ? " 番号札（" : " 様式（")
        + (status->stage == PrintStage::Rendering ? "印刷データを作成中" : "プリンターへ送信中")
        + " " + std::to_string(seconds) + "秒）";
}

void Desk::openExportPanel(const std::string& sinceDay)
{
    if (!m_console.canExport()) {
        report(ConsoleError { "forbidden", "この操作の権限がありません。" }, "export");
        return;
    }
    m_showDashboard = false;
    m_exporting = true;
    if (!sinceDay.empty() || m_fields.exportSince[0] == '\0') {
        setBufferText(m_fields.exportSince,
            sinceDay.empty() ? queue::localDate(m_clock.nowMs(), m_utcOffsetMinutes) : sinceDay);
    }
    succeed();
}

void Desk::exportNow()
{
    const std::filesystem::path folder = bufferText(m_fields.exportDir);
    auto written
        = m_console.exportToFolder(folder, bufferText(m_fields.exportSince), m_exportFormat);
    if (!written) {
        report(written.error(), "export");
        return;
    }
    // The count and the file name only: the file itself holds personal data.
    std::cerr << "kakanai-staff: exported " << written->count << " records"
              << (written->file.empty() ? std::string() : " to " + written->file.string()) << "\n";
    if (written->count == 0) {
        succeed(bufferText(m_fields.exportSince) + " 以降に判定された記録はありません。");
        return;
    }
    m_exporting = false;
    (void)m_console.refresh(); // the records are now exported
    rememberRows();
    succeed(std::to_string(written->count) + "件を出力しました: " + written->file.string());
}

} // namespace kakanai::staff::ui
