// The window and the screens that need no table: login, locked, the top bar (see screens.hpp).
#include "screens.hpp"

namespace kakanai::staff::ui {

namespace {

/** A centred panel of `width` for the login and lock screens. */
bool beginCentredPanel(const char* id, float width, float height)
{
    const ImVec2 area = ImGui::GetContentRegionAvail();
    ImGui::SetCursorPos(
        ImVec2(std::max(0.0f, (area.x - width) / 2), std::max(0.0f, (area.y - height) / 2 - 40)));
    return ImGui::BeginChild(id, ImVec2(width, height), ImGuiChildFlags_Border);
}

void messages(DrawContext& ctx)
{
    const std::string printing = ctx.desk.printLine();
    if (!printing.empty()) {
        label(ctx, printing, StaffFont::Body, colors().primary);
    }
    if (!ctx.desk.error().empty()) {
        label(ctx, ctx.desk.error(), StaffFont::Body, colors().danger);
    } else if (!ctx.desk.notice().empty()) {
        label(ctx, ctx.desk.notice(), StaffFont::Body, colors().ok);
    }
}

} // namespace

const char* statusLabel(queue::Status status)
{
    switch (status) {
    case queue::Status::Submitted:
        return "受付";
    case queue::Status::Claimed:
        return "審査中";
    case queue::Status::Approved:
        return "承認";
    case queue::Status::Returned:
        return "差戻し";
    case queue::Status::Rejected:
        return "却下";
    case queue::Status::Printed:
        return "印刷済";
    case queue::Status::Exported:
        return "出力済";
    case queue::Status::Purged:
        return "消去済";
    }
    return "";
}

void drawLogin(DrawContext& ctx)
{
    if (beginCentredPanel("login", 460, 330)) {
        label(ctx, "審査コンソール　職員ログイン", StaffFont::Title);
        ImGui::Spacing();
        label(ctx, "職員ID");
        textField(ctx, "login.user", ctx.desk.fields().userId, -1, false, "login.ok");
        label(ctx, "パスワード");
        passwordField(ctx, "login.password", ctx.desk.fields().password, -1, "login.ok");
        ImGui::Spacing();
        button(ctx, "login.ok", "ログイン", true, true, 160);
        messages(ctx);
    }
    ImGui::EndChild();
}

void drawLocked(DrawContext& ctx)
{
    if (beginCentredPanel("locked", 460, 300)) {
        label(ctx, "画面をロックしています", StaffFont::Title);
        label(ctx, "職員ID: " + ctx.desk.console().userId(), StaffFont::Body, colors().muted);
        ImGui::Spacing();
        label(ctx, "パスワード");
        passwordField(ctx, "unlock.password", ctx.desk.fields().password, -1, "unlock.ok");
        ImGui::Spacing();
        button(ctx, "unlock.ok", "ロック解除", true, true, 160);
        ImGui::SameLine();
        button(ctx, "unlock.logout", "ログアウト");
        messages(ctx);
    }
    ImGui::EndChild();
}

void drawTopBar(DrawContext& ctx)
{
    const DeskScreen screen = ctx.desk.screen();
    label(ctx, "審査コンソール", StaffFont::Title, colors().primary);
    ImGui::SameLine(0, 24);
    ImGui::AlignTextToFramePadding();
    label(ctx, "待ち " + std::to_string(ctx.desk.console().list().waiting) + "件");
    ImGui::SameLine(0, 24);
    ImGui::AlignTextToFramePadding();
    label(ctx, "職員: " + ctx.desk.console().userId(), StaffFont::Body, colors().muted);
    if (ctx.desk.console().offline()) {
        // A town hall's queue server is unreachable: say so plainly; tick() reconnects.
        ImGui::SameLine(0, 24);
        ImGui::AlignTextToFramePadding();
        badge(ctx,
            std::string("オフライン（再接続中）")
                + (ctx.desk.console().pendingCorrection() ? "・訂正1件 保存待ち" : ""),
            colors().danger);
    }
    const float right = ImGui::GetWindowContentRegionMax().x;
    ImGui::SameLine(right - 400);
    button(ctx, "nav.list", "一覧", screen == DeskScreen::Dashboard);
    ImGui::SameLine();
    button(ctx, "nav.dashboard", "状況", screen == DeskScreen::List);
    ImGui::SameLine();
    button(ctx, "nav.export", "出力",
        screen != DeskScreen::Record && ctx.desk.console().canExport() && !ctx.desk.exporting());
    ImGui::SameLine();
    button(ctx, "nav.sound", ctx.desk.sound() ? "通知音: 入" : "通知音: 切");
    ImGui::SameLine();
    button(ctx, "nav.lock", "ロック");
    ImGui::SameLine();
    button(ctx, "nav.logout", "ログアウト");
    messages(ctx);
    ImGui::Separator();
}

void drawDesk(DrawContext& ctx, const DeskLook& look)
{
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::PushFont(ctx.font(StaffFont::Body));
    ctx.clearColor = colors().page; // the window's background (see DrawContext::clearColor)
    ImGui::Begin("desk", nullptr,
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove
            | ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings
            | ImGuiWindowFlags_NoBackground);
    switch (ctx.desk.screen()) {
    case DeskScreen::Login:
        drawLogin(ctx);
        break;
    case DeskScreen::Locked:
        drawLocked(ctx);
        break;
    case DeskScreen::List:
        drawTopBar(ctx);
        drawList(ctx);
        break;
    case DeskScreen::Record:
        drawTopBar(ctx);
        drawRecord(ctx, look);
        break;
    case DeskScreen::Dashboard:
        drawTopBar(ctx);
        drawDashboard(ctx);
        break;
    }
    ImGui::End();
    ImGui::PopFont();
}

} // namespace kakanai::staff::ui
