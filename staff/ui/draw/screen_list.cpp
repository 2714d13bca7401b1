// The live list: filters (status, form, day), "open the oldest waiting", and the rows (clipped:
// only the visible rows are drawn, so 10,000 records cost no more than 30). The oldest waiting
// record is highlighted and starred; records claimed by the logged-in user are tinted. Above the
// filters, a supervisor's export panel.
//
// Frame cost: with ImGui on a software rasteriser (llvmpipe, the SDL_Renderer of a desk PC
// without a GPU, and Xvfb) the time of a frame is the pixels ImGui fills, each one textured and
// blended; the rows and text are few. So this screen fills no large area: the window is cleared
// white (free) and the table has no background of its own and no zebra stripes (rows are
// separated by lines, drawn without anti-aliasing fringes). That took a scrolling frame from 3.4
// to 0.3 million filled pixels.
#include "screens.hpp"

#include "kakanai/queue/clock.hpp"

namespace kakanai::staff::ui {

namespace {

constexpr queue::Status FILTER_STATUSES[] = { queue::Status::Submitted, queue::Status::Claimed,
    queue::Status::Approved, queue::Status::Returned, queue::Status::Rejected,
    queue::Status::Printed, queue::Status::Exported };

std::string formTitle(const StaffConsole& console, const std::string& templateId)
{
    for (const auto& row : console.list().rows) {
        if (row.templateId == templateId) {
            return row.formTitle;
        }
    }
    return templateId;
}

void drawFilters(DrawContext& ctx)
{
    const ListView& list = ctx.desk.console().list();
    ImGui::AlignTextToFramePadding();
    label(ctx, "状態:");
    ImGui::SameLine();
    chip(ctx, "filter.status.all", "すべて", !list.filter.status);
    for (const queue::Status status : FILTER_STATUSES) {
        ImGui::SameLine();
        chip(ctx, std::string("filter.status.") + queue::statusName(status), statusLabel(status),
            list.filter.status == status);
    }
    ImGui::AlignTextToFramePadding();
    label(ctx, "様式:");
    ImGui::SameLine();
    chip(ctx, "filter.form.all", "すべて", list.filter.templateId.empty());
    for (const auto& id : list.templateIds) {
        ImGui::SameLine();
        chip(ctx, "filter.form." + id, formTitle(ctx.desk.console(), id),
            list.filter.templateId == id);
    }
    ImGui::AlignTextToFramePadding();
    label(ctx, "日付:");
    ImGui::SameLine();
    textField(ctx, "filter.day", ctx.desk.fields().day, 140, false, "filter.day.apply");
    ImGui::SameLine();
    button(ctx, "filter.day.apply", "適用");
    ImGui::SameLine();
    button(ctx, "filter.day.today", "今日");
    ImGui::SameLine();
    button(ctx, "filter.day.all", "全日");
}

void drawExportPanel(DrawContext& ctx)
{
    const queue::ExportFormat format = ctx.desk.exportFormat();
    label(ctx, "住民記録システムへの出力", StaffFont::Title);
    ImGui::AlignTextToFramePadding();
    label(ctx, "出力先フォルダー");
    ImGui::SameLine(220);
    textField(ctx, "export.dir", ctx.desk.fields().exportDir, 640);
    ImGui::AlignTextToFramePadding();
    label(ctx, "この日以降に判定した記録");
    ImGui::SameLine(220);
    textField(ctx, "export.since", ctx.desk.fields().exportSince, 140, false, "export.ok");
    ImGui::SameLine(0, 24);
    chip(ctx, "export.format.jsonl", "JSON Lines", format == queue::ExportFormat::Jsonl);
    ImGui::SameLine();
    chip(ctx, "export.format.csv", "CSV", format == queue::ExportFormat::Csv);
    button(ctx, "export.ok", "出力する", true, true);
    ImGui::SameLine();
    button(ctx, "export.cancel", "閉じる");
    ImGui::SameLine(0, 24);
    ImGui::AlignTextToFramePadding();
    label(ctx, "ファイルには個人情報が含まれます。出力した記録は「出力済」になります。",
        StaffFont::Small, colors().muted);
    ImGui::Separator();
}

void drawRow(DrawContext& ctx, const ListRow& row, bool scrollTarget)
{
    const Colors& c = colors();
    ImGui::TableNextRow();
    if (row.oldestWaiting) {
        ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, c.highlight);
    } else if (row.mine) {
        ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, c.mine);
    }
    ImGui::TableNextColumn();
    const std::string id = "row." + row.ticket;
    ImGui::PushID(row.id.c_str());
    const std::string ticket = (row.oldestWaiting ? "★ " : "") + row.ticket;
    if (ImGui::Selectable(ticket.c_str(), false, ImGuiSelectableFlags_SpanAllColumns)) {
        ctx.click = id;
    }
    registerItem(ctx, id);
    if (scrollTarget) {
        ImGui::SetScrollHereY(0.5f);
    }
    ImGui::PopID();
    ImGui::TableNextColumn();
    ctx.fonts.require(row.formTitle);
    ImGui::TextUnformatted(row.formTitle.c_str());
    ImGui::TableNextColumn();
    const ImU32 statusColor = row.status == queue::Status::Submitted ? c.primary
        : row.status == queue::Status::Claimed                       ? c.warn
        : row.status == queue::Status::Rejected                      ? c.danger
                                                                     : c.ok;
    ctx.fonts.require(statusLabel(row.status));
    ImGui::PushStyleColor(ImGuiCol_Text, statusColor);
    ImGui::TextUnformatted(statusLabel(row.status));
    ImGui::PopStyleColor();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(formatWait(row.waitingMs).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(row.kioskId.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(row.claimedBy.c_str());
    if (row.oldestWaiting) {
        ImGui::SameLine();
        ctx.fonts.require("最も古い待ち");
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(c.warn), "最も古い待ち");
    }
}

} // namespace

void drawList(DrawContext& ctx)
{
    ctx.clearColor = colors().panel;
    if (ctx.desk.exporting()) {
        drawExportPanel(ctx);
    }
    drawFilters(ctx);
    const ListView& list = ctx.desk.console().list();
    button(ctx, "list.next", "次を開く（最も古い待ち）", list.waiting > 0, true);
    ImGui::SameLine();
    button(ctx, "list.refresh", "再読込");
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    label(ctx,
        std::to_string(list.rows.size()) + "件表示　待ち " + std::to_string(list.waiting) + "件",
        StaffFont::Body, colors().muted);

    // A row the script wants that the clipper has not drawn: scroll to it first.
    std::optional<std::size_t> scrollRow;
    const std::string& want = ctx.registry.scrollTo;
    if (want.rfind("row.", 0) == 0) {
        for (std::size_t i = 0; i < list.rows.size(); ++i) {
            if ("row." + list.rows[i].ticket == want) {
                scrollRow = i;
                break;
            }
        }
        ctx.registry.scrollTo.clear();
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerH
        | ImGuiTableFlags_BordersOuter; // no RowBg: see the top of this file
    ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(0, 0, 0, 0)); // the clear shows through
    const bool table
        = ImGui::BeginTable("list.table", 6, flags, ImVec2(0, ImGui::GetContentRegionAvail().y));
    ImGui::PopStyleColor();
    if (table) {
        // The rows' separators are 1-pixel lines at pixel centres: anti-aliasing would only add
        // two faint fringe quads to each, across the whole width.
        ImGui::GetWindowDrawList()->Flags &= ~ImDrawListFlags_AntiAliasedLines;
        ImGui::TableSetupScrollFreeze(0, 1);
        ctx.fonts.require("番号様式状態待ち時間端末担当");
        ImGui::TableSetupColumn("番号", ImGuiTableColumnFlags_WidthFixed, 140);
        ImGui::TableSetupColumn("様式", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("状態", ImGuiTableColumnFlags_WidthFixed, 100);
        ImGui::TableSetupColumn("待ち時間", ImGuiTableColumnFlags_WidthFixed, 120);
        ImGui::TableSetupColumn("端末", ImGuiTableColumnFlags_WidthFixed, 140);
        ImGui::TableSetupColumn("担当", ImGuiTableColumnFlags_WidthFixed, 260);
        ImGui::TableHeadersRow();
        if (scrollRow) {
            const float rowHeight
                = ImGui::GetTextLineHeight() + 2 * ImGui::GetStyle().CellPadding.y;
            ImGui::SetScrollY(static_cast<float>(*scrollRow) * rowHeight);
        }
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(list.rows.size()));
        if (scrollRow) {
            clipper.IncludeItemByIndex(static_cast<int>(*scrollRow));
        }
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const auto index = static_cast<std::size_t>(i);
                drawRow(ctx, list.rows[index], scrollRow == index);
            }
        }
        if (list.rows.empty()) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextDisabled("—");
            ImGui::TableNextColumn();
            label(ctx, "該当する記録はありません。", StaffFont::Body, colors().muted);
        }
        ImGui::EndTable();
    }
    registerItem(ctx, "list.table", true, false);
}

} // namespace kakanai::staff::ui
