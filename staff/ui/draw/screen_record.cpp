// The open record: its header (ticket, form, status, lease), every field with the origin of its
// value (card / derived / resident / staff), its issues and the resident's "this is wrong"
// flag, the checks, the correction history, and the actions: correct a field (value + reason),
// approve, return or reject (reason), reveal/hide the My Number (supervisors), print, close.
// An approved record opened again (RecordView::readOnly) shows the same form and history with
// only print, reprint the ticket, export (supervisors) and close.
#include "screens.hpp"

namespace kakanai::staff::ui {

namespace {

void originBadge(DrawContext& ctx, forms::ValueOrigin origin)
{
    const Colors& c = colors();
    switch (origin) {
    case forms::ValueOrigin::Card:
        badge(ctx, "カード", c.badgeCard);
        break;
    case forms::ValueOrigin::Derived:
        badge(ctx, "算出", c.badgeDerived);
        break;
    case forms::ValueOrigin::Staff:
        badge(ctx, "職員", c.badgeStaff);
        break;
    default:
        badge(ctx, "住民", c.badgeResident);
        break;
    }
}

void drawHeader(DrawContext& ctx, const RecordView& record)
{
    ImGui::PushFont(ctx.font(StaffFont::Big));
    ImGui::TextUnformatted(record.info.ticket.c_str());
    ImGui::PopFont();
    ImGui::SameLine(0, 24);
    ImGui::BeginGroup();
    label(ctx, record.formTitle, StaffFont::Title);
    label(ctx,
        std::string(statusLabel(record.info.status)) + "　端末 " + record.info.kioskId + "　言語 "
            + record.language + "　受付から " + formatWait(ctx.nowMs - record.info.submittedAtMs)
            + (record.readOnly ? "　閲覧のみ（担当なし）"
                               : "　担当の残り " + formatWait(record.leaseLeftMs)),
        StaffFont::Body, colors().muted);
    ImGui::EndGroup();
}

void drawFields(DrawContext& ctx, const RecordView& record)
{
    const Colors& c = colors();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH
        | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_ScrollY;
    const float panel = ctx.desk.editingField().empty() ? 0 : 190;
    if (!ImGui::BeginTable("fields", 4, flags,
            ImVec2(0, std::max(120.0f, ImGui::GetContentRegionAvail().y - panel)))) {
        return;
    }
    ctx.fonts.require("項目値由来確認");
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("項目", ImGuiTableColumnFlags_WidthFixed, 200);
    ImGui::TableSetupColumn("値", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("由来", ImGuiTableColumnFlags_WidthFixed, 60);
    ImGui::TableSetupColumn("確認", ImGuiTableColumnFlags_WidthFixed, 220);
    ImGui::TableHeadersRow();
    for (const auto& field : record.fields) {
        ImGui::TableNextRow();
        if (field.key == ctx.desk.editingField()) {
            ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, c.highlight);
        }
        ImGui::TableNextColumn();
        label(ctx, field.label);
        ImGui::TableNextColumn();
        // Clicking the value opens its correction (not the My Number: it is kept apart; nothing
        // in a read-only record).
        const bool editable = !field.myNumber && !record.readOnly;
        ctx.fonts.require(field.value);
        ImGui::PushID(field.key.c_str());
        const std::string shown = field.value.empty() ? "（未入力）" : field.value;
        ctx.fonts.require(shown);
        if (ImGui::Selectable(shown.c_str(), field.key == ctx.desk.editingField()) && editable) {
            ctx.click = "field." + field.key;
        }
        registerItem(ctx, "field." + field.key, editable);
        ImGui::PopID();
        ImGui::TableNextColumn();
        originBadge(ctx, field.origin);
        ImGui::TableNextColumn();
        if (field.flaggedByResident) {
            label(ctx, "住民: 値が違う", StaffFont::Small, c.danger);
        }
        if (field.corrected) {
            label(ctx, "修正済", StaffFont::Small, c.warn);
        }
        for (const auto& issue : field.issues) {
            label(ctx, issue, StaffFont::Small, c.danger);
        }
    }
    ImGui::EndTable();
}

void drawCorrection(DrawContext& ctx, const RecordView& record)
{
    const std::string& key = ctx.desk.editingField();
    std::string name = key;
    for (const auto& field : record.fields) {
        if (field.key == key) {
            name = field.label;
        }
    }
    label(ctx, "「" + name + "」を修正", StaffFont::Title);
    ImGui::AlignTextToFramePadding();
    label(ctx, "新しい値");
    ImGui::SameLine(110);
    textField(ctx, "correct.value", ctx.desk.fields().value, -1);
    ImGui::AlignTextToFramePadding();
    label(ctx, "理由");
    ImGui::SameLine(110);
    textField(ctx, "correct.reason", ctx.desk.fields().reason, -1, false, "correct.ok");
    button(ctx, "correct.ok", "修正を保存", true, true);
    ImGui::SameLine();
    button(ctx, "correct.cancel", "取消");
}

/** An approved record opened again: print it (then it becomes printed), nothing else to do. */
void drawReadOnlyActions(DrawContext& ctx, const RecordView& record, const DeskLook& look)
{
    label(ctx, "印刷", StaffFont::Title);
    label(ctx,
        record.info.status == queue::Status::Approved
            ? "承認済で未印刷の記録です（閲覧のみ）。印刷するとこの記録は印刷済になります。"
            : "閲覧のみの記録です。",
        StaffFont::Body, colors().muted);
    const bool canPrint = look.printEnabled && !ctx.desk.console().printing();
    button(ctx, "action.print", "様式を印刷", canPrint, true);
    ImGui::SameLine();
    button(ctx, "action.reprint", "番号札を再発行", canPrint);
    if (record.canExport) {
        ImGui::SameLine();
        button(ctx, "action.export", "出力");
    }
    ImGui::SameLine();
    button(ctx, "action.close", "閉じる");
}

void drawActions(DrawContext& ctx, const RecordView& record, const DeskLook& look)
{
    const Colors& c = colors();
    label(ctx, "判定", StaffFont::Title);
    const auto deciding = ctx.desk.pendingDecision();
    if (deciding) {
        label(ctx,
            *deciding == queue::Decision::Return ? "差戻しの理由（住民に伝えます）" : "却下の理由",
            StaffFont::Body, c.warn);
        textField(ctx, "decide.reason", ctx.desk.fields().reason, -1, false, "decide.ok");
        button(ctx, "decide.ok", *deciding == queue::Decision::Return ? "差し戻す" : "却下する",
            true, true);
        ImGui::SameLine();
        button(ctx, "decide.cancel", "取消");
    } else {
        button(ctx, "action.approve", "承認", true, true, 120);
        ImGui::SameLine();
        button(ctx, "action.return", "差戻し", true, false, 120);
        ImGui::SameLine();
        button(ctx, "action.reject", "却下", true, false, 120);
    }
    ImGui::Spacing();
    const bool hasMyNumber = record.info.hasMyNumber;
    if (record.revealed) {
        button(ctx, "action.hide", "個人番号を隠す");
    } else {
        button(ctx, "action.reveal", "個人番号を表示", record.canReveal && hasMyNumber);
    }
    ImGui::SameLine();
    // One print job at a time; the window stays usable while it runs (printLine() shows it).
    const bool canPrint = look.printEnabled && !ctx.desk.console().printing();
    button(ctx, "action.print", "様式を印刷", canPrint);
    ImGui::SameLine();
    button(ctx, "action.reprint", "番号札を再発行", canPrint);
    ImGui::SameLine();
    button(ctx, "action.close", "閉じる（判定せず戻す）");
}

void drawSide(DrawContext& ctx, const RecordView& record, const DeskLook& look)
{
    const Colors& c = colors();
    if (record.readOnly) {
        drawReadOnlyActions(ctx, record, look);
    } else {
        drawActions(ctx, record, look);
    }
    ImGui::Separator();
    label(ctx, "確認事項", StaffFont::Title);
    if (record.checks.empty()) {
        label(ctx, "なし", StaffFont::Body, c.muted);
    }
    for (const auto& check : record.checks) {
        label(ctx, "・" + check, StaffFont::Body, c.warn);
    }
    ImGui::Separator();
    label(ctx, "修正履歴", StaffFont::Title);
    if (record.history.empty()) {
        label(ctx, "なし", StaffFont::Body, c.muted);
    }
    for (const auto& row : record.history) {
        label(ctx, row.at + "　" + row.userId + "　" + row.field, StaffFont::Small, c.muted);
        label(ctx, "「" + row.oldValue + "」→「" + row.newValue + "」　理由: " + row.reason);
    }
}

} // namespace

void drawRecord(DrawContext& ctx, const DeskLook& look)
{
    const RecordView* record = ctx.desk.console().record();
    if (!record) {
        return;
    }
    drawHeader(ctx, *record);
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::BeginChild("record.form", ImVec2(width * 0.6f, 0));
    drawFields(ctx, *record);
    if (!ctx.desk.editingField().empty() && !record->readOnly) {
        drawCorrection(ctx, *record);
    }
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("record.side", ImVec2(0, 0), ImGuiChildFlags_Border);
    drawSide(ctx, *record, look);
    ImGui::EndChild();
}

} // namespace kakanai::staff::ui
