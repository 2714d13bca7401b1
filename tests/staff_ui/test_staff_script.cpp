// The staff console's script parser (no window).
#include "script.hpp"

#include <gtest/gtest.h>

namespace {

using namespace kakanai::staff::ui;

TEST(StaffScript, ParsesEveryStep)
{
    auto steps = parseStaffScript("# comment\n\ntap login.ok\ntype 山田 太郎\nkey enter\n"
                                  "wait record 3\nwait-row A-001\nwait-file /tmp/x 2\n"
                                  "scroll list.table 40\nscreenshot list\nsleep 0.5\n",
        "s.txt");
    ASSERT_TRUE(steps.ok()) << steps.error();
    ASSERT_EQ(steps->size(), 9u);
    EXPECT_EQ((*steps)[1].argument, "山田 太郎");
    EXPECT_EQ((*steps)[1].describe(), "line 4: type …");
    EXPECT_EQ((*steps)[3].screen, DeskScreen::Record);
    EXPECT_EQ((*steps)[3].seconds, 3.0);
    EXPECT_EQ((*steps)[4].seconds, 10.0);
    EXPECT_EQ((*steps)[6].count, 40);
}

TEST(StaffScript, RejectsBadLines)
{
    for (const char* bad : { "tap", "tap a b", "wait kitchen", "key f13", "scroll list.table",
             "screenshot a/b", "sleep forever", "dance" }) {
        auto steps = parseStaffScript(bad, "s.txt");
        ASSERT_FALSE(steps.ok()) << bad;
        EXPECT_EQ(steps.error().rfind("s.txt:1: ", 0), 0u) << steps.error();
    }
}

} // namespace
