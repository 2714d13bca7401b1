// The kiosk's global rules end to end (label integration), with the real pcscd + vpcd +
// kakanai-vcard, SQLite queue and cupsd of KioskEndToEnd: the card pulled during review, the
// inactivity wipe, a stopped printer, and a 住民異動届 (転居) from the life event "moved in".
#include "e2e_fixture.hpp"
#include "e2e_scripts.hpp"
#include "png_check.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace kakanai::testsupport {
namespace {

namespace fs = std::filesystem;

std::string readFile(const fs::path& file)
{
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

/** The number after "KEY": in the stats JSON entry of the first `screen` at or after `from`. */
double screenTime(const std::string& stats, const std::string& screen, const std::string& key,
    std::size_t from = 0)
{
    const auto at = stats.find("{\"screen\":\"" + screen + "\"", from);
    if (at == std::string::npos) {
        return -1;
    }
    const auto value = stats.find("\"" + key + "\":", at);
    return value == std::string::npos ? -1 : std::atof(stats.c_str() + value + key.size() + 3);
}

/** The "value" of field `key` in a filled-form JSON ("" when absent). */
std::string valueOf(const std::string& json, const std::string& key)
{
    const auto field = json.find("\"" + key + "\":{");
    const auto end = json.find('}', field);
    const auto value = json.find("\"value\":\"", field);
    if (field == std::string::npos || value == std::string::npos || value > end) {
        return {};
    }
    const auto start = value + 9;
    return json.substr(start, json.find('"', start) - start);
}

// What a resident's data must never appear in, once wiped: her name and address as on the card
// (config/identities/hanako.toml) and what she typed.
const char* const HANAKO_DATA[] = { "試験", "花子", "霞が関", "シケン", "0770-53-1111" };

std::string expectNoHanako()
{
    std::string steps;
    for (const char* text : HANAKO_DATA) {
        steps += std::string("expect-no-text ") + text + "\n";
    }
    return steps;
}

TEST_F(KioskEndToEnd, PullingTheCardDuringReviewWipesTheVisit)
{
    ASSERT_NE(insertCard("hanako", {}), nullptr);
    // Visit 1 reaches the review (the card's name on screen) and loses the card there; visit 2
    // loses it on the PIN screen, before anything was read. Both end on the same attract screen.
    const std::string script = std::string(START) + "wait pin 15\n" + pinSteps("1234")
        + "wait review 15\nexpect-text 試験　花子\nscreenshot review\n"
          "wait attract 15\nscreenshot after_review\n"
        + expectNoHanako() + "tap lang.ja\nwait choose\ntap form.juminhyo\nwait pin 15\n"
        + "screenshot pin\nwait attract 15\nscreenshot after_pin\n" + expectNoHanako();
    auto kiosk = startKiosk(script, "");
    ASSERT_TRUE(kiosk);
    ASSERT_TRUE(waitForFile(m_dir / "shots" / "review.png", *kiosk, 30)) << kiosk->stderrText();
    ASSERT_TRUE(m_card->remove().ok());
    ASSERT_TRUE(waitForFile(m_dir / "shots" / "after_review.png", *kiosk, 15))
        << kiosk->stderrText();
    ASSERT_NE(insertCard("hanako", {}), nullptr);
    ASSERT_TRUE(waitForFile(m_dir / "shots" / "pin.png", *kiosk, 20)) << kiosk->stderrText();
    ASSERT_TRUE(m_card->remove().ok());
    ASSERT_EQ(kiosk->wait(std::chrono::seconds(30)), 0) << kiosk->stderrText();

    // Nothing of the read card is left on screen: it is pixel for pixel the screen of a visit
    // whose card was pulled before anything was read.
    const auto afterReview = readPngSummary(m_dir / "shots" / "after_review.png");
    const auto afterPin = readPngSummary(m_dir / "shots" / "after_pin.png");
    const auto review = readPngSummary(m_dir / "shots" / "review.png");
    ASSERT_TRUE(afterReview.ok() && afterPin.ok() && review.ok());
    EXPECT_EQ(afterReview->digest, afterPin->digest);
    EXPECT_NE(afterReview->digest, review->digest);
    queue::Store store = openQueue();
    EXPECT_TRUE(store.list()->empty()) << "no record of the wiped visit";
    EXPECT_TRUE(printedPdfs().empty());
    const std::string log = kiosk->stderrText();
    for (const char* text : HANAKO_DATA) {
        EXPECT_EQ(log.find(text), std::string::npos) << log;
    }
    EXPECT_EQ(pinTriesLeft(), 3);
}

TEST_F(KioskEndToEnd, InactivityAsksThenWipesTheVisit)
{
    ASSERT_NE(insertCard("hanako", {}), nullptr);
    std::string log;
    const std::string script = std::string(START) + "wait pin 15\n" + pinSteps("1234")
        + "wait review 15\nexpect-text 試験　花子\nwait attract 15\nscreenshot wiped\n"
        + expectNoHanako();
    ASSERT_EQ(runKiosk(script, &log,
                  { "--idle-timeout", "2", "--still-there", "2", "--stats",
                      (m_dir / "stats.json").string() }),
        0)
        << log;
    // The review stood untouched for the idle time and the countdown, then the kiosk wiped it.
    const std::string stats = readFile(m_dir / "stats.json");
    const double reviewShown = screenTime(stats, "review", "shown_ms");
    const double attractEntered
        = screenTime(stats, "attract", "entered_ms", stats.find("{\"screen\":\"review\""));
    ASSERT_GT(reviewShown, 0) << stats;
    ASSERT_GT(attractEntered, 0) << stats;
    EXPECT_GE(attractEntered - reviewShown, 4000 - 300) << stats;
    EXPECT_LT(attractEntered - reviewShown, 8000) << stats;
    queue::Store store = openQueue();
    EXPECT_TRUE(store.list()->empty());
    for (const char* text : HANAKO_DATA) {
        EXPECT_EQ(log.find(text), std::string::npos) << log;
    }
}

TEST_F(KioskEndToEnd, AStoppedPrinterStillQueuesTheRecordAndShowsTheTicket)
{
    if (s_cups) {
        ASSERT_TRUE(s_cups->admin("cupsdisable", { "kiosk" }).ok());
    } else {
        std::ofstream(m_dir / "print" / "STOP") << "stopped\n";
    }
    ASSERT_NE(insertCard("hanako", {}), nullptr);
    std::string log;
    const std::string script = std::string(START) + "wait pin 15\n" + pinSteps("1234")
        + REVIEW_TO_DONE + "expect-text A-001\n";
    const int code = runKiosk(script, &log);
    if (s_cups) {
        EXPECT_TRUE(s_cups->admin("cupsenable", { "kiosk" }).ok());
    }
    ASSERT_EQ(code, 0) << log;
    queue::Store store = openQueue();
    auto records = store.list();
    ASSERT_TRUE(records.ok());
    ASSERT_EQ(records->size(), 1u) << "the record is queued although nothing printed";
    EXPECT_EQ(records->front().ticket, "A-001");
    EXPECT_NE(readPayload(store, records->front().id).find("試験　花子"), std::string::npos);
    EXPECT_TRUE(printedPdfs().empty());
    const auto done = readPngSummary(m_dir / "shots" / "done.png");
    ASSERT_TRUE(done.ok()) << done.error();
    EXPECT_GT(done->distinctColours, 8);
}

TEST_F(KioskEndToEnd, AMoveWithinTownFromTheLifeEventIsQueuedAndPrinted)
{
    ASSERT_NE(insertCard("hanako", {}), nullptr);
    std::string log;
    const std::string script
        = std::string(MOVING_START) + "wait pin 15\n" + pinSteps("1234") + MOVING_REVIEW_TO_DONE;
    ASSERT_EQ(runKiosk(script, &log), 0) << log;
    queue::Store store = openQueue();
    auto records = store.list();
    ASSERT_TRUE(records.ok());
    ASSERT_EQ(records->size(), 1u);
    EXPECT_EQ(records->front().templateId, "ido");
    const std::string payload = readPayload(store, records->front().id);
    EXPECT_NE(payload.find("\"tenkyo\""), std::string::npos) << "転居: the event's preset";
    // The card still holds the old address: it is the 前住所 (from the card), the typed one the
    // new address (from the resident).
    EXPECT_EQ(valueOf(payload, "previous_address"), "東京都千代田区霞が関一丁目１番１号");
    EXPECT_EQ(valueOf(payload, "new_address"), "福井県小浜市大手町６番３号");
    for (const char* expected :
        { "試験　花子", "シケン　ハナコ", "0770-53-1111", "福井県小浜市大手町１番地" }) {
        EXPECT_NE(payload.find(expected), std::string::npos) << expected;
    }
    const auto pdfs = printedPdfs();
    ASSERT_FALSE(pdfs.empty()) << log;
    bool ticketPrinted = false;
    for (const auto& pdf : pdfs) {
        ticketPrinted = ticketPrinted || pdfText(pdf).find("A-001") != std::string::npos;
    }
    EXPECT_TRUE(ticketPrinted);
    EXPECT_EQ(log.find("花子"), std::string::npos) << log;
}

} // namespace
} // namespace kakanai::testsupport
