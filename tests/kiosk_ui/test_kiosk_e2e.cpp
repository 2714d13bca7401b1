// The kiosk end to end (label integration): a real pcscd + vpcd + kakanai-vcard card read over
// PC/SC, a real SQLite queue and a private cupsd. A scripted resident completes 住民票の写し; the
// queue's decrypted record holds the card's and the typed values, the printout the ticket. A
// wrong PIN leaves tries on the card and the PIN screen; with one try left nothing is sent.
#include "e2e_fixture.hpp"
#include "e2e_scripts.hpp"
#include "png_check.hpp"

#include <gtest/gtest.h>

namespace kakanai::testsupport {
namespace {

namespace fs = std::filesystem;

void expectScreenshot(const fs::path& file)
{
    const auto summary = readPngSummary(file);
    ASSERT_TRUE(summary.ok()) << summary.error();
    EXPECT_EQ(summary->width, 1920) << file;
    EXPECT_GT(summary->distinctColours, 8) << file << " looks blank";
}

TEST_F(KioskEndToEnd, AResidentGetsJuminhyoWithARealCardQueueAndPrinter)
{
    ASSERT_NE(insertCard("hanako", {}), nullptr);
    std::string log;
    const std::string script
        = std::string(START) + "wait pin 15\nscreenshot pin\n" + pinSteps("1234") + REVIEW_TO_DONE;
    ASSERT_EQ(runKiosk(script, &log), 0) << log;
    for (const char* shot : { "pin", "review", "confirm", "done" }) {
        expectScreenshot(m_dir / "shots" / (std::string(shot) + ".png"));
    }

    queue::Store store = openQueue();
    auto records = store.list();
    ASSERT_TRUE(records.ok());
    ASSERT_EQ(records->size(), 1u);
    const queue::RecordInfo& record = records->front();
    EXPECT_EQ(record.templateId, "juminhyo");
    EXPECT_EQ(record.ticket, "A-001");
    EXPECT_EQ(record.counterGroup, "A");
    EXPECT_FALSE(record.visitId.empty());
    EXPECT_TRUE(record.cardReadAtMs.has_value());
    EXPECT_FALSE(record.hasMyNumber) << "住民票 does not store the My Number";
    const std::string payload = readPayload(store, record.id);
    EXPECT_NE(payload.find("\"id\":\"" + record.id + "\""), std::string::npos);
    for (const char* expected : { "試験　花子", "東京都千代田区霞が関一丁目１番１号", "1980-01-01",
             "シケン　ハナコ", "0770-53-1111", "\"pension\"", "\"whole_household\"" }) {
        EXPECT_NE(payload.find(expected), std::string::npos) << expected;
    }
    EXPECT_EQ(payload.find("123456789018"), std::string::npos) << "no My Number in the payload";

    const auto pdfs = printedPdfs();
    ASSERT_FALSE(pdfs.empty()) << log;
    bool ticketPrinted = false;
    for (const auto& pdf : pdfs) {
        ticketPrinted = ticketPrinted || pdfText(pdf).find("A-001") != std::string::npos;
    }
    EXPECT_TRUE(ticketPrinted) << "no printed PDF shows the ticket A-001";
    EXPECT_EQ(pinTriesLeft(), 3);
    // Nothing personal (or the PIN) in the kiosk's log.
    EXPECT_EQ(log.find("花子"), std::string::npos) << log;
    EXPECT_EQ(log.find("霞が関"), std::string::npos) << log;
    EXPECT_EQ(log.find("0770"), std::string::npos) << log;
}

TEST_F(KioskEndToEnd, AWrongPinCostsOneTryAndReturnsToThePinScreen)
{
    ASSERT_NE(insertCard("hanako", {}), nullptr);
    std::string log;
    const std::string script = std::string(START) + "wait pin 15\nscreenshot before\n"
        + pinSteps("0000") + "sleep 1\nwait pin 15\nscreenshot wrong_pin\n";
    ASSERT_EQ(runKiosk(script, &log), 0) << log;
    EXPECT_EQ(pinTriesLeft(), 2) << "the card counted the wrong PIN";
    expectScreenshot(m_dir / "shots" / "wrong_pin.png");
    // The PIN screen now shows the notice and "2 tries left": it differs from the first one.
    const auto before = readPngSummary(m_dir / "shots" / "before.png");
    const auto after = readPngSummary(m_dir / "shots" / "wrong_pin.png");
    ASSERT_TRUE(before.ok() && after.ok());
    EXPECT_NE(before->digest, after->digest);
    EXPECT_EQ(log.find("0000"), std::string::npos) << log;
    queue::Store store = openQueue();
    EXPECT_TRUE(store.list()->empty());
}

TEST_F(KioskEndToEnd, WithOneTryLeftTheKioskSendsNoPinAndCallsTheCounter)
{
    setPinTriesLeft(1);
    ASSERT_NE(insertCard("hanako", {}), nullptr);
    std::string log;
    ASSERT_EQ(runKiosk(std::string(START) + "wait error 15\nscreenshot last_try\n", &log), 0)
        << log;
    expectScreenshot(m_dir / "shots" / "last_try.png");
    EXPECT_EQ(pinTriesLeft(), 1) << "no PIN was sent";
    queue::Store store = openQueue();
    EXPECT_TRUE(store.list()->empty());
}

} // namespace
} // namespace kakanai::testsupport
