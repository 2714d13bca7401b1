// Unit tests of the automation script parser (no display needed).
#include "script.hpp"

#include <gtest/gtest.h>

namespace kakanai::kiosk::ui {
namespace {

TEST(KioskScript, ParsesEveryCommand)
{
    const auto steps = parseScript("# a visit\n"
                                   "wait attract 5\n"
                                   "tap lang.ja\n"
                                   "\n"
                                   "type 0770-53-1111\n"
                                   "screenshot attract\n"
                                   "insert-card\n"
                                   "remove-card\n"
                                   "sleep 0.5\n"
                                   "wait present_card\n",
        "visit.txt");
    ASSERT_TRUE(steps.ok()) << steps.error();
    ASSERT_EQ(steps->size(), 8u);
    EXPECT_EQ((*steps)[0].kind, ScriptStep::Kind::Wait);
    EXPECT_EQ((*steps)[0].screen, Screen::Attract);
    EXPECT_DOUBLE_EQ((*steps)[0].seconds, 5.0);
    EXPECT_EQ((*steps)[1].argument, "lang.ja");
    EXPECT_EQ((*steps)[1].line, 3);
    EXPECT_EQ((*steps)[2].argument, "0770-53-1111");
    EXPECT_EQ((*steps)[2].describe(), "line 5: type …"); // typed text is never repeated
    EXPECT_EQ((*steps)[7].screen, Screen::PresentCard);
    EXPECT_DOUBLE_EQ((*steps)[7].seconds, 10.0);
}

TEST(KioskScript, ErrorsNameTheFileAndLine)
{
    const auto unknown = parseScript("tap a\nswipe left\n", "s.txt");
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error(), "s.txt:2: unknown command 'swipe'");
    EXPECT_EQ(parseScript("wait lunch\n", "s.txt").error(), "s.txt:1: unknown state 'lunch'");
    EXPECT_FALSE(parseScript("tap\n", "s.txt").ok());
    EXPECT_FALSE(parseScript("tap a b\n", "s.txt").ok());
    EXPECT_FALSE(parseScript("screenshot ../x\n", "s.txt").ok());
    EXPECT_FALSE(parseScript("wait done soon\n", "s.txt").ok());
    EXPECT_FALSE(parseScript("insert-card now\n", "s.txt").ok());
}

TEST(KioskScript, StateNamesRoundTrip)
{
    for (const char* name :
        { "attract", "choose", "questions", "present_card", "pin", "collation_b", "reading",
            "review", "confirm", "submitting", "printing", "done", "error" }) {
        const auto screen = screenFromName(name);
        ASSERT_TRUE(screen.has_value()) << name;
        EXPECT_STREQ(stateName(*screen), name);
    }
}

} // namespace
} // namespace kakanai::kiosk::ui
