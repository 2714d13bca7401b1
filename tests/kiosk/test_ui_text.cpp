// config/i18n/<lang>.toml: every id the kiosk uses exists in every language, no file has ids the
// kiosk does not use, and every listed id is really used by the kiosk's code.
#include "kiosk_fixture.hpp"

#include <fstream>
#include <set>
#include <sstream>

namespace {

using namespace kakanai::kiosk;
using namespace kakanai::kiosk::testing;

TEST(UiText, EveryLanguageHasExactlyTheIdsTheKioskUses)
{
    const std::set<std::string> listed(uiTextIds().begin(), uiTextIds().end());
    for (const auto& language : kioskLanguages()) {
        const auto ids = uiText()->idsIn(language.tag);
        const std::set<std::string> present(ids.begin(), ids.end());
        for (const auto& id : listed) {
            EXPECT_TRUE(present.contains(id)) << language.tag << " lacks " << id;
        }
        for (const auto& id : present) {
            EXPECT_TRUE(listed.contains(id)) << language.tag << " has unused " << id;
        }
    }
}

TEST(UiText, EveryListedIdIsUsedByTheKiosksCode)
{
    std::string code;
    for (const auto& entry : std::filesystem::directory_iterator(
             std::filesystem::path(KAKANAI_SOURCE_DIR) / "kiosk/src/core")) {
        if (entry.path().filename() == "ui_text.cpp") {
            continue;
        }
        std::ifstream file(entry.path());
        std::stringstream text;
        text << file.rdbuf();
        code += text.str();
    }
    for (const auto id : uiTextIds()) {
        EXPECT_NE(code.find("\"" + std::string(id) + "\""), std::string::npos) << id;
    }
}

TEST(UiText, PlaceholdersAndFallbacks)
{
    EXPECT_EQ(
        uiText()->format("en", "pin.wrong", { { "tries", "2" } }), "Wrong PIN (2 tries left)");
    EXPECT_EQ(
        uiText()->format("ko", "done.wait", { { "minutes", "5" } }), "예상 대기 시간: 약 5분");
    EXPECT_EQ(uiText()->text("fr", "action.next"), "Next");
    EXPECT_THROW((void)uiText()->text("ja", "no.such.id"), std::logic_error);
}

TEST(UiText, ABrokenFileIsAClearError)
{
    const auto dir = std::filesystem::path(::testing::TempDir()) / "i18n-broken";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "ja.toml") << "\"a\" = \"ok\"\n\"b\" = \n";
    const auto loaded = UiText::load(dir, { "ja" });
    ASSERT_FALSE(loaded.ok());
    EXPECT_NE(loaded.error().find("ja.toml:2"), std::string::npos) << loaded.error();
    std::ofstream(dir / "en.toml") << "pin.title = \"nested by mistake\"\n";
    EXPECT_FALSE(UiText::load(dir, { "en" }).ok());
}

} // namespace
