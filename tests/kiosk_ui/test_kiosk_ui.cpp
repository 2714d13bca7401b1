// kakanai-kiosk under Xvfb: scripted visits with an emulated card (training mode), screenshots
// checked for size and content, the records file checked for the card's data, and scripts that
// must fail (a widget that is not on screen, a wait that times out).
#include "png_check.hpp"
#include "xvfb.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace kakanai::testsupport {
namespace {

namespace fs = std::filesystem;

const fs::path SOURCE = KAKANAI_SOURCE_DIR;

class KioskUi : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        auto display = XvfbDisplay::start();
        if (display) {
            s_display = std::move(*display);
        } else {
            s_error = display.error();
        }
    }
    static void TearDownTestSuite() { s_display.reset(); }

    void SetUp() override
    {
        if (!s_display) {
            GTEST_SKIP() << s_error;
        }
        m_dir = fs::temp_directory_path()
            / ("kakanai-kiosk-ui-" + std::to_string(::getpid()) + "-"
                + ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    void TearDown() override
    {
        if (!HasFailure()) {
            fs::remove_all(m_dir);
        }
    }

    /** Runs the kiosk in training mode with `script`; returns the exit code (or -1). */
    int runKiosk(const std::string& script, std::string* stderrText = nullptr,
        const std::vector<std::string>& extra = {})
    {
        std::ofstream(m_dir / "script.txt") << script;
        ProcessOptions options;
        options.argv = { KAKANAI_KIOSK_PATH, "--config", (SOURCE / "config").string(), "--training",
            "--script", (m_dir / "script.txt").string(), "--screenshot-dir",
            (m_dir / "shots").string(), "--var", (m_dir / "var").string() };
        options.argv.insert(options.argv.end(), extra.begin(), extra.end());
        options.env = { { "DISPLAY", s_display->display() } };
        auto kiosk = ChildProcess::start(options);
        if (!kiosk) {
            ADD_FAILURE() << kiosk.error();
            return -1;
        }
        const auto code = (*kiosk)->wait(std::chrono::seconds(120));
        if (stderrText) {
            *stderrText = (*kiosk)->stderrText();
        }
        if (!code) {
            ADD_FAILURE() << "the kiosk did not finish the script in 120 s";
            return -1;
        }
        return *code;
    }

    void expectScreenshot(const std::string& name)
    {
        const auto summary = readPngSummary(m_dir / "shots" / (name + ".png"));
        ASSERT_TRUE(summary.ok()) << summary.error();
        EXPECT_EQ(summary->width, 1920) << name;
        EXPECT_EQ(summary->height, 1080) << name;
        EXPECT_GT(summary->distinctColours, 8) << name << " looks blank";
    }

    static inline std::unique_ptr<XvfbDisplay> s_display;
    static inline std::string s_error;
    fs::path m_dir;
};

const char* const JUMINHYO_VISIT = R"(# 住民票の写し from attract to done
wait attract 10
screenshot attract
tap lang.ja
wait choose
screenshot choose
tap form.juminhyo
wait present_card
screenshot present_card
insert-card
wait pin
screenshot pin
tap pin.1
tap pin.2
tap pin.3
tap pin.4
tap pin.ok
wait review 10
screenshot review
tap option.relationship.self
tap option.certificate_kind.juminhyo
tap option.scope.whole_household
tap option.purpose.pension
tap field.copies
tap num.2
screenshot editor
tap edit.ok
tap field.requester_furigana
tap kana.シ
tap kana.ケ
tap kana.ン
tap edit.space
tap kana.ハ
tap kana.ナ
tap kana.コ
tap edit.ok
tap field.phone
type 0770-53-1111
tap edit.ok
tap action.next
wait confirm
screenshot confirm
tap action.submit
wait done 10
screenshot done
tap global.zoom
screenshot done_zoom
tap global.contrast
screenshot done_contrast
)";

TEST_F(KioskUi, AResidentCompletesJuminhyoFromAttractToDone)
{
    std::string log;
    ASSERT_EQ(runKiosk(JUMINHYO_VISIT, &log), 0) << log;
    for (const char* name : { "attract", "choose", "present_card", "pin", "review", "editor",
             "confirm", "done", "done_zoom", "done_contrast" }) {
        expectScreenshot(name);
    }
    // Training mode: the records go to var/training, never the real file.
    EXPECT_FALSE(fs::exists(m_dir / "var" / "records.jsonl"));
    std::ifstream records(m_dir / "var" / "training" / "records.jsonl");
    std::stringstream text;
    text << records.rdbuf();
    EXPECT_NE(text.str().find("試験　花子"), std::string::npos) << "the card's name";
    EXPECT_NE(text.str().find("シケン　ハナコ"), std::string::npos) << "the typed furigana";
    EXPECT_NE(text.str().find("0770-53-1111"), std::string::npos) << "the typed phone";
    EXPECT_NE(text.str().find("\"ticket\":\"A-001\""), std::string::npos);
    std::ifstream ticket(m_dir / "var" / "training" / "printer" / "A-001.txt");
    std::string first;
    std::getline(ticket, first);
    EXPECT_EQ(first, "SAMPLE 見本");
    // Nothing personal in the kiosk's log.
    EXPECT_EQ(log.find("花子"), std::string::npos);
    EXPECT_EQ(log.find("1234"), std::string::npos);
}

// A resident who chose Tiếng Việt sees the form's own labels in Vietnamese (not the English
// fallback) on the review, and the record keeps the language for the printed form.
TEST_F(KioskUi, AVietnameseResidentSeesTheFormInVietnamese)
{
    std::string script = JUMINHYO_VISIT;
    const auto replace = [&script](const std::string& from, const std::string& to) {
        const auto at = script.find(from);
        ASSERT_NE(at, std::string::npos) << from;
        script.replace(at, from.size(), to);
    };
    replace("tap lang.ja\n", "tap lang.vi\n");
    replace("screenshot review\n",
        "screenshot review\nexpect-text Số điện thoại liên lạc ban ngày\n"
        "expect-no-text Daytime phone number\n");
    std::string log;
    ASSERT_EQ(runKiosk(script, &log), 0) << log;
    for (const char* name : { "choose", "review", "confirm", "done" }) {
        expectScreenshot(name);
    }
    std::ifstream records(m_dir / "var" / "training" / "records.jsonl");
    std::stringstream text;
    text << records.rdbuf();
    EXPECT_NE(text.str().find("\"language\":\"vi\""), std::string::npos) << text.str();
}

TEST_F(KioskUi, RemovingTheCardDuringReviewGoesBackToAttract)
{
    std::string log;
    ASSERT_EQ(runKiosk("tap lang.en\ntap form.juminhyo\ninsert-card\nwait pin\n"
                       "tap pin.1\ntap pin.2\ntap pin.3\ntap pin.4\ntap pin.ok\nwait review 10\n"
                       "remove-card\nwait attract 5\nscreenshot removed\n",
                  &log),
        0)
        << log;
    expectScreenshot("removed");
    EXPECT_FALSE(fs::exists(m_dir / "var" / "training" / "records.jsonl"));
}

TEST_F(KioskUi, ACardsRareKanjiGoIntoSpareCellsAndLeaveWithTheVisit)
{
    // 𠮷 (non-BMP), 葛 and the card's other characters missing from the atlas are drawn from
    // spare cells, not by rebuilding it, and the visit's end puts the atlas back as it was.
    std::string log;
    ASSERT_EQ(runKiosk("wait attract 10\nscreenshot before\ntap lang.ja\ntap form.juminhyo\n"
                       "insert-card\nwait pin\ntap pin.9\ntap pin.8\ntap pin.7\ntap pin.6\n"
                       "tap pin.ok\nwait review 10\nexpect-text 𠮷田\nscreenshot review\n"
                       "tap action.cancel\nwait attract 10\nexpect-no-text 𠮷田\n"
                       "screenshot after\n",
                  &log,
                  { "--identity", (SOURCE / "config" / "identities" / "rare_kanji.toml").string(),
                      "--stats", (m_dir / "stats.json").string() }),
        0)
        << log;
    std::ifstream in(m_dir / "stats.json");
    std::stringstream stats;
    stats << in.rdbuf();
    const auto number = [&](const std::string& key) {
        const auto at = stats.str().find("\"" + key + "\":");
        return at == std::string::npos ? -1.0
                                       : std::atof(stats.str().c_str() + at + key.size() + 3);
    };
    EXPECT_EQ(number("font_rebuilds"), 1) << stats.str() << " (only the first atlas)";
    EXPECT_GE(number("font_cell_glyphs"), 2) << stats.str() << " (at least 𠮷 and 葛)";
    const auto before = readPngSummary(m_dir / "shots" / "before.png");
    const auto after = readPngSummary(m_dir / "shots" / "after.png");
    ASSERT_TRUE(before.ok() && after.ok());
    EXPECT_EQ(before->digest, after->digest) << "attract is drawn as before the visit";
    expectScreenshot("review");
    EXPECT_EQ(log.find("𠮷"), std::string::npos) << log;
}

TEST_F(KioskUi, TappingAWidgetThatIsNotOnScreenFailsTheScript)
{
    std::string log;
    EXPECT_EQ(runKiosk("wait attract\ntap form.juminhyo\n", &log), 1);
    EXPECT_NE(log.find("line 2: tap form.juminhyo"), std::string::npos) << log;
    EXPECT_NE(log.find("not on screen"), std::string::npos) << log;
}

TEST_F(KioskUi, AWaitThatTimesOutFailsTheScript)
{
    std::string log;
    EXPECT_EQ(runKiosk("wait done 0.5\n", &log), 1);
    EXPECT_NE(
        log.find("line 1: wait done 0.5: timed out; the screen is attract"), std::string::npos)
        << log;
}

} // namespace
} // namespace kakanai::testsupport
