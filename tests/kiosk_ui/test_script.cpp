// Unit tests of the automation script parser (no display needed).
#include "glyph_set.hpp"
#include "options.hpp"
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

TEST(KioskScript, ExpectStepsKeepTheirTextOutOfMessages)
{
    const auto steps = parseScript("expect-text 試験　花子\nexpect-no-text 霞が関\n", "e.txt");
    ASSERT_TRUE(steps.ok()) << steps.error();
    ASSERT_EQ(steps->size(), 2u);
    EXPECT_EQ((*steps)[0].kind, ScriptStep::Kind::ExpectText);
    EXPECT_EQ((*steps)[0].argument, "試験　花子"); // spaces kept, like `type`
    EXPECT_EQ((*steps)[1].kind, ScriptStep::Kind::ExpectNoText);
    EXPECT_EQ((*steps)[0].describe(), "line 1: expect-text …");
    EXPECT_EQ((*steps)[1].describe(), "line 2: expect-no-text …");
    EXPECT_FALSE(parseScript("expect-text\n", "e.txt").ok());
}

TEST(KioskOptions, TimeoutsAreWholeSecondsInRange)
{
    const auto options
        = parseOptions({ "--config", "config", "--idle-timeout", "5", "--still-there", "3" });
    ASSERT_TRUE(options.ok()) << options.error();
    EXPECT_EQ(options->idleSeconds, 5);
    EXPECT_EQ(options->stillThereSeconds, 3);
    EXPECT_FALSE(parseOptions({ "--config", "config" })->idleSeconds.has_value());
    for (const char* bad : { "0", "-1", "2.5", "3601", "soon" }) {
        EXPECT_FALSE(parseOptions({ "--config", "c", "--idle-timeout", bad }).ok()) << bad;
    }
}

TEST(KioskGlyphs, TheVisitLayerComesAndGoesWithoutTouchingTheBase)
{
    GlyphSet glyphs;
    glyphs.prime("住民票");
    const auto base = glyphs.baseGeneration();
    const std::size_t baseSize = glyphs.size();
    EXPECT_TRUE(glyphs.contains(U'ア')) << "kana are in the base for the 50音 keyboard";
    glyphs.require("住民票の𠮷田"); // only 𠮷 and 田 are new (の is kana)
    EXPECT_EQ(glyphs.visit(), (std::set<char32_t> { U'𠮷', U'田' }));
    EXPECT_EQ(glyphs.baseGeneration(), base);
    EXPECT_EQ(glyphs.size(), baseSize + 2);
    const auto generation = glyphs.generation();
    glyphs.forgetVisit();
    EXPECT_TRUE(glyphs.visit().empty());
    EXPECT_FALSE(glyphs.contains(U'𠮷'));
    EXPECT_NE(glyphs.generation(), generation);
    EXPECT_EQ(glyphs.size(), baseSize);
    EXPECT_EQ(glyphs.ticketCharacters().count(U'7'), 1u);
    EXPECT_EQ(glyphs.ticketCharacters().count(U'x'), 0u) << "the ticket font is small";
}

TEST(KioskGlyphs, AnotherLanguagesCharactersComeOnlyWithThatLanguage)
{
    forms::KioskConfig config;
    config.municipalityName
        = { { "ja", "小浜市" }, { "en", "Obama City" }, { "ko", "오바마시" }, { "zh", "小浜市" } };
    GlyphSet glyphs;
    glyphs.setDefaultLanguage("en");
    glyphs.primeKioskConfig(config);
    EXPECT_TRUE(glyphs.contains(U'浜')) << "Japanese is always in the base";
    EXPECT_FALSE(glyphs.contains(U'오')) << "Hangul waits for a Korean visit";
    const auto base = glyphs.baseGeneration();
    const std::size_t baseSize = glyphs.size();

    glyphs.useLanguage("ko");
    EXPECT_EQ(glyphs.language(), (std::set<char32_t> { U'오', U'바', U'마', U'시' }));
    EXPECT_TRUE(glyphs.contains(U'오'));
    EXPECT_EQ(glyphs.characters().count(U'바'), 1u);
    EXPECT_NE(glyphs.baseGeneration(), base) << "a new language rebuilds the atlas";
    EXPECT_EQ(glyphs.size(), baseSize + 4);
    glyphs.require("오바마시");
    EXPECT_TRUE(glyphs.visit().empty()) << "the layer already holds them";

    const auto korean = glyphs.baseGeneration();
    glyphs.useLanguage("zh"); // 小浜市 is in the base already
    EXPECT_TRUE(glyphs.language().empty());
    EXPECT_FALSE(glyphs.contains(U'오'));
    EXPECT_NE(glyphs.baseGeneration(), korean);
    const auto chinese = glyphs.baseGeneration();
    glyphs.useLanguage("en");
    glyphs.useLanguage("ja");
    EXPECT_EQ(glyphs.baseGeneration(), chinese) << "nothing changed: no rebuild";
    EXPECT_EQ(glyphs.size(), baseSize);
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
