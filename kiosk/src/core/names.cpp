#include "kakanai/kiosk/events.hpp"
#include "kakanai/kiosk/view_model.hpp"

namespace kakanai::kiosk {

const char* screenName(Screen screen)
{
    switch (screen) {
    case Screen::Attract:
        return "attract";
    case Screen::Choose:
        return "choose";
    case Screen::Questions:
        return "questions";
    case Screen::PresentCard:
        return "present_card";
    case Screen::Pin:
        return "pin";
    case Screen::CollationB:
        return "collation_b";
    case Screen::Reading:
        return "reading";
    case Screen::Review:
        return "review";
    case Screen::Confirm:
        return "confirm";
    case Screen::Submitting:
        return "submitting";
    case Screen::Printing:
        return "printing";
    case Screen::Done:
        return "done";
    case Screen::Error:
        return "error";
    }
    return "unknown";
}

const char* eventName(const Event& event)
{
    static constexpr const char* NAMES[] = { "tap", "type_text", "tick", "reader_changed",
        "card_inserted", "card_removed", "pin_status", "read_succeeded", "read_failed",
        "glyphs_ready", "submitted", "submit_failed", "printed", "print_failed" };
    static_assert(std::size(NAMES) == std::variant_size_v<Event>);
    return NAMES[event.index()];
}

} // namespace kakanai::kiosk
