// The staff console's screens: login, locked, the live list with filters, the open record with
// its correction and decision panels, and the dashboard. Each only draws the Desk (and the
// console's views) and reports the clicked widget in ctx.click; the loop runs it.
//
// Errors: none (errors are shown from Desk::error()).
#pragma once

#include "widgets.hpp"

namespace kakanai::staff::ui {

struct DeskLook
{
    bool printEnabled = false; // --printer or --print-dir given
};

/** Draws the whole window for the desk's current screen. */
void drawDesk(DrawContext& ctx, const DeskLook& look);

void drawLogin(DrawContext& ctx);
void drawLocked(DrawContext& ctx);
/** The bar above the list, the record and the dashboard (user, waiting count, navigation). */
void drawTopBar(DrawContext& ctx);
void drawList(DrawContext& ctx);
void drawRecord(DrawContext& ctx, const DeskLook& look);
void drawDashboard(DrawContext& ctx);

/** Japanese name of a record status for staff. */
const char* statusLabel(queue::Status status);

} // namespace kakanai::staff::ui
