// The PC/SC layer (pcsc.hpp) against a real pcscd, the vpcd reader and kakanai-vcard.
#include "fixture.hpp"

#include "kakanai/vcard/identity.hpp"

#include <csignal>
#include <future>
#include <thread>

namespace kakanai::testsupport {
namespace {

using namespace std::chrono_literals;
using cardio::CardErrorCode;
using cardio::PcscContext;
using cardio::ReaderEvent;
using Clock = std::chrono::steady_clock;

// SELECT 券面事項入力補助AP by DF name (mynumber-card.md §1.1).
const Bytes kSelectTextAp
    = { 0x00, 0xA4, 0x04, 0x0C, 0x0A, 0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x08 };
const Bytes kContactCAtr = { 0x3B, 0xE0, 0x00, 0xFF, 0x81, 0x31, 0xFE, 0x45, 0x14 };

std::unique_ptr<PcscContext> establish()
{
    auto context = PcscContext::establish();
    EXPECT_TRUE(context.ok()) << cardio::describe(context.error());
    return context ? std::move(context).value() : nullptr;
}

std::optional<cardio::ReaderInfo> findReader(PcscContext& context, const std::string& name)
{
    auto readers = context.listReaders();
    EXPECT_TRUE(readers.ok()) << cardio::describe(readers.error());
    if (readers) {
        for (const cardio::ReaderInfo& info : *readers) {
            if (info.name == name) {
                return info;
            }
        }
    }
    return std::nullopt;
}

std::string contactC()
{
    return vcard::personalityName(vcard::Personality::ContactC);
}

class PcscTest : public SandboxTest
{
};

TEST_F(PcscTest, ListReadersShowsBothEmptySlots)
{
    auto context = establish();
    ASSERT_NE(context, nullptr);
    for (int slot : { 0, 1 }) {
        auto info = findReader(*context, readerName(slot));
        ASSERT_TRUE(info.has_value()) << readerName(slot);
        EXPECT_FALSE(info->cardPresent);
        EXPECT_FALSE(info->cardInUse);
        EXPECT_TRUE(info->atr.empty());
    }
}

TEST_F(PcscTest, ListReadersShowsInsertedCardAndItsAtr)
{
    ASSERT_NE(insertCard({}, { "--personality", contactC() }), nullptr);
    auto context = establish();
    ASSERT_NE(context, nullptr);
    auto info = findReader(*context, readerName(0));
    ASSERT_TRUE(info.has_value());
    EXPECT_TRUE(info->cardPresent);
    EXPECT_EQ(toHex(info->atr), toHex(kContactCAtr));
    auto other = findReader(*context, readerName(1));
    ASSERT_TRUE(other.has_value());
    EXPECT_FALSE(other->cardPresent);

    auto card = context->connect(readerName(0));
    ASSERT_TRUE(card.ok()) << cardio::describe(card.error());
    EXPECT_EQ(toHex((*card)->atr()), toHex(kContactCAtr));
    EXPECT_EQ((*card)->readerName(), readerName(0));
}

TEST_F(PcscTest, ExchangeAndTransactionWork)
{
    ASSERT_NE(insertCard(), nullptr);
    auto context = establish();
    ASSERT_NE(context, nullptr);
    auto card = context->connect(readerName(0));
    ASSERT_TRUE(card.ok()) << cardio::describe(card.error());
    auto transaction = (*card)->beginTransaction();
    ASSERT_TRUE(transaction.ok()) << cardio::describe(transaction.error());
    auto response = (*card)->exchange(kSelectTextAp);
    ASSERT_TRUE(response.ok()) << cardio::describe(response.error());
    EXPECT_EQ(toHex(response->view()), "90 00");
    auto counter = (*card)->currentEventCounter();
    ASSERT_TRUE(counter.ok()) << cardio::describe(counter.error());
    EXPECT_EQ(*counter, (*card)->eventCounterAtConnect());
}

TEST_F(PcscTest, ConnectToEmptyReaderIsNoCard)
{
    auto context = establish();
    ASSERT_NE(context, nullptr);
    auto card = context->connect(readerName(0));
    ASSERT_FALSE(card.ok());
    EXPECT_EQ(card.error().code, CardErrorCode::NoCard) << cardio::describe(card.error());
    EXPECT_NE(card.error().detail.find("SCardConnect"), std::string::npos);
}

TEST_F(PcscTest, WaitForCardTimesOutWithNoCard)
{
    auto context = establish();
    ASSERT_NE(context, nullptr);
    const auto begin = Clock::now();
    auto result = context->waitForCard(readerName(0), 300ms);
    const auto took = Clock::now() - begin;
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, CardErrorCode::NoCard) << cardio::describe(result.error());
    EXPECT_GE(took, 250ms);
    EXPECT_LT(took, 3s);
}

TEST_F(PcscTest, WaitForCardForUnknownReaderIsNoReader)
{
    auto context = establish();
    ASSERT_NE(context, nullptr);
    auto result = context->waitForCard("No Such Reader 00 00", 100ms);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, CardErrorCode::NoReader);
}

TEST_F(PcscTest, WaitForCardReturnsWhenCardIsInserted)
{
    auto context = establish();
    ASSERT_NE(context, nullptr);
    ASSERT_NE(startCard(), nullptr);
    auto named = context->waitForCard(readerName(0), 10s);
    ASSERT_TRUE(named.ok()) << cardio::describe(named.error());
    EXPECT_EQ(*named, readerName(0));
    auto any = context->waitForCard({}, 1s);
    ASSERT_TRUE(any.ok()) << cardio::describe(any.error());
    EXPECT_EQ(*any, readerName(0));
}

TEST_F(PcscTest, WaitForCardInAnyReaderSeesTheSecondSlot)
{
    auto context = establish();
    ASSERT_NE(context, nullptr);
    auto waiting = std::async(std::launch::async, [&] { return context->waitForCard({}, 10s); });
    std::this_thread::sleep_for(200ms);
    ASSERT_NE(startCard({}, {}, 1), nullptr);
    auto found = waiting.get();
    ASSERT_TRUE(found.ok()) << cardio::describe(found.error());
    EXPECT_EQ(*found, readerName(1));
}

TEST_F(PcscTest, CancelInterruptsWaitForCard)
{
    auto context = establish();
    ASSERT_NE(context, nullptr);
    const auto begin = Clock::now();
    auto waiting
        = std::async(std::launch::async, [&] { return context->waitForCard(readerName(0), 20s); });
    // SCardCancel only interrupts a call that is already blocked: repeat until it returns.
    while (waiting.wait_for(50ms) != std::future_status::ready) {
        context->cancel();
    }
    auto result = waiting.get();
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, CardErrorCode::Cancelled) << cardio::describe(result.error());
    EXPECT_LT(Clock::now() - begin, 5s);
}

TEST_F(PcscTest, TransmitAfterEmulatorKilledIsCardRemoved)
{
    VcardProcess* vcard = insertCard();
    ASSERT_NE(vcard, nullptr);
    auto context = establish();
    ASSERT_NE(context, nullptr);
    auto card = context->connect(readerName(0));
    ASSERT_TRUE(card.ok()) << cardio::describe(card.error());
    ASSERT_TRUE((*card)->exchange(kSelectTextAp).ok());

    vcard->process().kill(SIGKILL);
    auto removed = vcard->remove(); // waits until PC/SC shows the reader empty
    ASSERT_TRUE(removed.ok()) << removed.error();

    auto response = (*card)->exchange(kSelectTextAp);
    ASSERT_FALSE(response.ok());
    EXPECT_TRUE(response.error().code == CardErrorCode::CardRemoved
        || response.error().code == CardErrorCode::NoCard)
        << cardio::describe(response.error());
    EXPECT_NE(response.error().pcscCode, 0u);
    auto counter = (*card)->currentEventCounter();
    ASSERT_FALSE(counter.ok());
    EXPECT_EQ(counter.error().code, CardErrorCode::NoCard);
}

TEST_F(PcscTest, EventCounterChangesWhenTheCardIsSwapped)
{
    ASSERT_NE(insertCard(), nullptr);
    auto context = establish();
    ASSERT_NE(context, nullptr);
    auto first = context->connect(readerName(0));
    ASSERT_TRUE(first.ok()) << cardio::describe(first.error());
    removeCards();
    ASSERT_NE(insertCard(), nullptr);

    auto now = (*first)->currentEventCounter();
    ASSERT_TRUE(now.ok()) << cardio::describe(now.error());
    EXPECT_NE(*now, (*first)->eventCounterAtConnect());
    auto stale = (*first)->exchange(kSelectTextAp);
    ASSERT_FALSE(stale.ok());
    EXPECT_EQ(stale.error().code, CardErrorCode::CardRemoved) << cardio::describe(stale.error());
    auto second = context->connect(readerName(0));
    ASSERT_TRUE(second.ok()) << cardio::describe(second.error());
    EXPECT_EQ((*second)->eventCounterAtConnect(), *now);
}

TEST_F(PcscTest, MonitorReportsReadersCardsAndStopsPromptly)
{
    EventQueue events;
    cardio::ReaderMonitor monitor(events.callback());
    ASSERT_TRUE(monitor.start().ok());
    EXPECT_TRUE(events.waitFor(ReaderEvent::Kind::ReaderAdded, readerName(0)));
    EXPECT_TRUE(events.waitFor(ReaderEvent::Kind::ReaderAdded, readerName(1)));

    ASSERT_NE(insertCard({}, { "--personality", contactC() }), nullptr);
    auto inserted = events.waitFor(ReaderEvent::Kind::CardInserted, readerName(0));
    ASSERT_TRUE(inserted.has_value());
    EXPECT_EQ(toHex(inserted->atr), toHex(kContactCAtr));

    removeCards();
    EXPECT_TRUE(events.waitFor(ReaderEvent::Kind::CardRemoved, readerName(0)));

    const auto begin = Clock::now();
    monitor.stop();
    EXPECT_LT(Clock::now() - begin, 1s);
}

TEST_F(PcscTest, MonitorReportsACardPresentAtStart)
{
    ASSERT_NE(insertCard({}, {}, 1), nullptr);
    EventQueue events;
    cardio::ReaderMonitor monitor(events.callback());
    ASSERT_TRUE(monitor.start().ok());
    EXPECT_TRUE(events.waitFor(ReaderEvent::Kind::ReaderAdded, readerName(1)));
    auto inserted = events.waitFor(ReaderEvent::Kind::CardInserted, readerName(1));
    ASSERT_TRUE(inserted.has_value());
    EXPECT_FALSE(inserted->atr.empty());
}

TEST_F(PcscTest, MonitorStopRightAfterStartIsPrompt)
{
    for (int round = 0; round < 5; ++round) {
        EventQueue events;
        cardio::ReaderMonitor monitor(events.callback());
        ASSERT_TRUE(monitor.start().ok());
        const auto begin = Clock::now();
        monitor.stop();
        EXPECT_LT(Clock::now() - begin, 1s) << "round " << round;
    }
}

// pcsc-lite 1.9.9 cannot drop a reader.conf reader at run time, so unplugReader() restarts
// pcscd (see pcscd_sandbox.hpp): a running monitor sees ServiceLost, a new one the change.
TEST_F(PcscTest, UnplugAndPlugReader)
{
    EventQueue before;
    cardio::ReaderMonitor monitor(before.callback());
    ASSERT_TRUE(monitor.start().ok());
    ASSERT_TRUE(before.waitFor(ReaderEvent::Kind::ReaderAdded, readerName(0)));

    auto unplugged = sandbox().unplugReader();
    ASSERT_TRUE(unplugged.ok()) << unplugged.error();
    EXPECT_TRUE(before.waitFor(ReaderEvent::Kind::ServiceLost));
    monitor.stop();

    auto context = establish();
    ASSERT_NE(context, nullptr);
    auto readers = context->listReaders();
    ASSERT_TRUE(readers.ok()) << cardio::describe(readers.error());
    EXPECT_TRUE(readers->empty());
    auto wait = context->waitForCard({}, 100ms);
    ASSERT_FALSE(wait.ok());
    EXPECT_EQ(wait.error().code, CardErrorCode::NoReader);

    auto plugged = sandbox().plugReader();
    ASSERT_TRUE(plugged.ok()) << plugged.error();
    EventQueue after;
    cardio::ReaderMonitor again(after.callback());
    ASSERT_TRUE(again.start().ok());
    EXPECT_TRUE(after.waitFor(ReaderEvent::Kind::ReaderAdded, readerName(0)));
    ASSERT_NE(insertCard(), nullptr);
    EXPECT_TRUE(after.waitFor(ReaderEvent::Kind::CardInserted, readerName(0)));
}

TEST_F(PcscTest, StoppedPcscdIsServiceUnavailable)
{
    auto old = establish();
    ASSERT_NE(old, nullptr);
    EventQueue events;
    cardio::ReaderMonitor monitor(events.callback());
    ASSERT_TRUE(monitor.start().ok());
    ASSERT_TRUE(events.waitFor(ReaderEvent::Kind::ReaderAdded, readerName(0)));

    auto stopped = sandbox().stop();
    ASSERT_TRUE(stopped.ok()) << stopped.error();
    EXPECT_TRUE(events.waitFor(ReaderEvent::Kind::ServiceLost));

    auto context = PcscContext::establish();
    ASSERT_FALSE(context.ok());
    EXPECT_EQ(context.error().code, CardErrorCode::ServiceUnavailable)
        << cardio::describe(context.error());
    auto readers = old->listReaders();
    ASSERT_FALSE(readers.ok());
    EXPECT_EQ(readers.error().code, CardErrorCode::ServiceUnavailable)
        << cardio::describe(readers.error());
    cardio::ReaderMonitor late([](const ReaderEvent&) {});
    auto started = late.start();
    ASSERT_FALSE(started.ok());
    EXPECT_EQ(started.error().code, CardErrorCode::ServiceUnavailable);

    auto restarted = sandbox().restart();
    ASSERT_TRUE(restarted.ok()) << restarted.error();
    EXPECT_TRUE(PcscContext::establish().ok());
}

TEST_F(PcscTest, PcscdStoppingDuringWaitForCardIsServiceUnavailable)
{
    auto context = establish();
    ASSERT_NE(context, nullptr);
    auto waiting
        = std::async(std::launch::async, [&] { return context->waitForCard(readerName(0), 20s); });
    std::this_thread::sleep_for(300ms);
    auto stopped = sandbox().stop();
    ASSERT_TRUE(stopped.ok()) << stopped.error();
    ASSERT_EQ(waiting.wait_for(5s), std::future_status::ready);
    auto result = waiting.get();
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, CardErrorCode::ServiceUnavailable)
        << cardio::describe(result.error());
}

} // namespace
} // namespace kakanai::testsupport
