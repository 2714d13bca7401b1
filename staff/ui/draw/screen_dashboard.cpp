// The dashboard: records waiting, the median wait today, the estimated wait, and records
// submitted today per form per hour (hours with no record anywhere are left out).
#include "screens.hpp"

namespace kakanai::staff::ui {

namespace {

void figure(DrawContext& ctx, const std::string& caption, const std::string& value)
{
    ImGui::BeginGroup();
    label(ctx, caption, StaffFont::Body, colors().muted);
    ImGui::PushFont(ctx.font(StaffFont::Big));
    ctx.fonts.require(value);
    ImGui::TextUnformatted(value.c_str());
    ImGui::PopFont();
    ImGui::EndGroup();
}

} // namespace

void drawDashboard(DrawContext& ctx)
{
    const auto& view = ctx.desk.dashboard();
    if (!view) {
        return;
    }
    figure(ctx, "待ち", std::to_string(view->waiting) + "件");
    ImGui::SameLine(0, 80);
    figure(ctx, "本日の待ち時間（中央値）",
        view->medianWaitTodayMs ? formatWait(*view->medianWaitTodayMs) : "—");
    ImGui::SameLine(0, 80);
    figure(ctx, "いまの見込み待ち時間", formatWait(view->estimatedWaitMs));
    ImGui::Spacing();
    label(ctx, "本日の受付（様式別・時間帯別）", StaffFont::Title);
    std::vector<int> hours;
    for (int hour = 0; hour < 24; ++hour) {
        for (const auto& [form, counts] : view->perFormPerHour) {
            if (counts[static_cast<std::size_t>(hour)] > 0) {
                hours.push_back(hour);
                break;
            }
        }
    }
    if (hours.empty()) {
        label(ctx, "本日の受付はまだありません。", StaffFont::Body, colors().muted);
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders;
    if (!ImGui::BeginTable("dashboard.table", static_cast<int>(hours.size()) + 2, flags)) {
        return;
    }
    ctx.fonts.require("様式計時");
    ImGui::TableSetupColumn("様式", ImGuiTableColumnFlags_WidthFixed, 280);
    for (const int hour : hours) {
        ImGui::TableSetupColumn((std::to_string(hour) + "時").c_str());
    }
    ImGui::TableSetupColumn("計");
    ImGui::TableHeadersRow();
    for (const auto& [form, counts] : view->perFormPerHour) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(form.c_str());
        int total = 0;
        for (const int hour : hours) {
            ImGui::TableNextColumn();
            const int count = counts[static_cast<std::size_t>(hour)];
            total += count;
            if (count > 0) {
                ImGui::Text("%d", count);
            }
        }
        ImGui::TableNextColumn();
        ImGui::Text("%d", total);
    }
    ImGui::EndTable();
}

} // namespace kakanai::staff::ui
