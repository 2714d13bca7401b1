// Two kiosks at once (label integration): two kakanai-kiosk processes, each reading its own
// emulated card (hanako on the first vpcd slot, taro on the second) through the one private
// pcscd, submitting to ONE SQLite queue and printing on ONE printer (the private cupsd's queue,
// or one print folder), run visits side by side for KAKANAI_TWO_KIOSKS_SECONDS (default 120;
// ctest sets a short run, release build only). Then: every record and every printed document
// carries its own resident's data and none of the other's.
#include "e2e_fixture.hpp"
#include "e2e_scripts.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <set>
#include <string>
#include <vector>

namespace kakanai::testsupport {
namespace {

namespace fs = std::filesystem;

struct Resident
{
    const char* identity;
    const char* pin;
    const char* furiganaGiven; // katakana taps after シケン
    std::vector<std::string> marks; // on the card or typed: only on this resident's papers
};

const Resident HANAKO { "hanako", "1234", "ハナコ",
    { "試験　花子", "霞が関", "シケン　ハナコ", "1980-01-01" } };
const Resident TARO { "taro", "4649", "タロウ",
    { "試験　太郎", "大阪市北区", "シケン　タロウ", "1945-08-15" } };

int durationSeconds()
{
    const char* text = std::getenv("KAKANAI_TWO_KIOSKS_SECONDS");
    const int seconds = text ? std::atoi(text) : 120;
    return seconds > 0 ? seconds : 120;
}

/** `visits` 住民票 visits in a row by `resident`, the card staying in the reader. */
std::string visitsOf(const Resident& resident, int visits)
{
    std::string review = REVIEW_TO_DONE;
    std::string given;
    for (std::size_t i = 0; i < std::string(resident.furiganaGiven).size(); i += 3) {
        given += "tap kana." + std::string(resident.furiganaGiven).substr(i, 3) + "\n";
    }
    const std::string hanako = "tap kana.ハ\ntap kana.ナ\ntap kana.コ\n";
    review.replace(review.find(hanako), hanako.size(), given);
    std::string script;
    for (int i = 0; i < visits; ++i) {
        script += std::string(START) + "wait pin 20\n" + pinSteps(resident.pin) + review
            + "tap action.finish\nwait attract 20\n";
    }
    return script;
}

/** "" when `text` (a record or a printed document of `own`) is clean, else what is wrong. */
std::string checkOwnership(const std::string& text, const Resident& own, const Resident& other)
{
    for (const auto& mark : other.marks) {
        if (text.find(mark) != std::string::npos) {
            return "carries the other resident's " + mark;
        }
    }
    return text.find(own.marks[0]) == std::string::npos ? "does not carry its resident's name" : "";
}

TEST_F(KioskEndToEnd, TwoKiosksOneQueueOnePrinterNeverMixResidents)
{
    ASSERT_NE(insertCard(HANAKO.identity, {}), nullptr);
    VcardOptions second;
    second.executable = KAKANAI_VCARD_PATH;
    second.port = s_pcscd->vpcdPort() + 1;
    second.identity = fs::path(KAKANAI_SOURCE_DIR) / "config" / "identities" / "taro.toml";
    second.extraArgs = { "--state", (m_dir / "pin-state-taro").string() };
    second.logFile = m_dir / "vcard-taro.log";
    auto taroCard = VcardProcess::start(second);
    ASSERT_TRUE(taroCard) << taroCard.error();
    ASSERT_TRUE((*taroCard)->waitForCard(s_pcscd->readerName(1)).ok());

    const int seconds = durationSeconds();
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    int round = 0;
    int visits = 0;
    do { // rounds of one visit per kiosk, both kiosks at once, until the time is up
        const std::string tag = std::to_string(round++);
        auto first = startKiosk(visitsOf(HANAKO, 1), "hanako-" + tag);
        auto other = startKiosk(visitsOf(TARO, 1), "taro-" + tag, {}, s_pcscd->readerName(1));
        ASSERT_TRUE(first && other);
        const auto a = first->wait(std::chrono::seconds(120));
        const auto b = other->wait(std::chrono::seconds(120));
        ASSERT_EQ(a, 0) << first->stderrText();
        ASSERT_EQ(b, 0) << other->stderrText();
        visits += 2;
    } while (std::chrono::steady_clock::now() < until);
    RecordProperty("visits", visits);

    queue::Store store = openQueue();
    auto records = store.list();
    ASSERT_TRUE(records.ok());
    ASSERT_EQ(static_cast<int>(records->size()), visits);
    std::set<std::string> tickets;
    for (const auto& record : *records) {
        tickets.insert(record.ticket);
        const std::string payload = readPayload(store, record.id);
        const bool isHanako = payload.find(HANAKO.marks[0]) != std::string::npos;
        const std::string problem
            = checkOwnership(payload, isHanako ? HANAKO : TARO, isHanako ? TARO : HANAKO);
        EXPECT_EQ(problem, "") << "record " << record.ticket;
    }
    EXPECT_EQ(static_cast<int>(tickets.size()), visits) << "every visit its own ticket";

    // Every document the printer received: a form carries its resident, a ticket only a number.
    std::vector<fs::path> documents = s_cups ? spooledJobs() : printedPdfs();
    ASSERT_GE(static_cast<int>(documents.size()), 2 * visits) << "a form and a ticket per visit";
    for (const auto& document : documents) {
        const std::string text = pdfText(document);
        ASSERT_FALSE(text.empty()) << document;
        const bool hasHanako = text.find(HANAKO.marks[0]) != std::string::npos;
        const bool hasTaro = text.find(TARO.marks[0]) != std::string::npos;
        if (hasHanako || hasTaro) {
            EXPECT_EQ(
                checkOwnership(text, hasHanako ? HANAKO : TARO, hasHanako ? TARO : HANAKO), "")
                << document;
        }
    }
    (void)(*taroCard)->remove();
}

} // namespace
} // namespace kakanai::testsupport
