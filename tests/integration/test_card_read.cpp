// The read flow and the card session lifecycle through a real pcscd + vpcd + emulator.
#include "fixture.hpp"

#include "kakanai/cardio/card_reader.hpp"
#include "kakanai/cardio/card_session.hpp"
#include "kakanai/vcard/identity.hpp"

#include <future>

namespace kakanai::testsupport {
namespace {

using namespace std::chrono_literals;
using namespace kakanai::cardio;

vcard::Identity identity(const std::string& id)
{
    auto loaded = vcard::loadIdentity(identityFile(id));
    if (!loaded) {
        throw std::runtime_error(loaded.error());
    }
    return *loaded;
}

Result<ReadOutcome, CardError> readCard(PcscCard& card, const std::string& pin)
{
    auto transaction = card.beginTransaction();
    if (!transaction) {
        return transaction.failure();
    }
    ApduChannel channel(card);
    ReadRequest request;
    request.secret = SecureBytes::fromString(pin);
    return readResidentCard(channel, request);
}

class CardReadTest : public SandboxTest
{
};

TEST_F(CardReadTest, ApduEconomyThroughPcscd)
{
    struct Case
    {
        const char* id;
        const char* personality;
        std::size_t apdus;
        bool extended;
    };
    for (const Case& c :
        { Case { "hanako", "contact-b", 8, false }, Case { "long_address", "contact-b", 9, false },
            Case { "long_address", "contact-a", 8, true } }) {
        SCOPED_TRACE(std::string(c.id) + " " + c.personality);
        auto who = identity(c.id);
        ASSERT_NE(insertCard(c.id, { "--personality", c.personality }), nullptr);
        auto context = PcscContext::establish();
        ASSERT_TRUE(context);
        auto card = (*context)->connect(readerName());
        ASSERT_TRUE(card) << describe(card.error());
        auto outcome = readCard(**card, who.textPin);
        ASSERT_TRUE(outcome) << describe(outcome.error());
        EXPECT_EQ(outcome->apduCount, c.apdus);
        EXPECT_EQ(outcome->extendedLengthUsed, c.extended);
        EXPECT_EQ(std::string(outcome->contents.basicInfo.address.c_str()), who.address);
        card->reset();
        removeCards();
    }
}

TEST_F(CardReadTest, RemovalWipesTheSessionThroughTheMonitor)
{
    auto who = identity("hanako");
    VcardProcess* inserted = insertCard("hanako");
    ASSERT_NE(inserted, nullptr);
    EventQueue events;
    CardSession session(readerName());
    ReaderMonitor monitor([&](const ReaderEvent& event) {
        session.onReaderEvent(event);
        events.callback()(event);
    });
    ASSERT_TRUE(monitor.start());
    ASSERT_TRUE(events.waitFor(ReaderEvent::Kind::CardInserted, readerName()).has_value());

    auto context = PcscContext::establish();
    ASSERT_TRUE(context);
    auto card = (*context)->connect(readerName());
    ASSERT_TRUE(card);
    auto outcome = readCard(**card, who.textPin);
    ASSERT_TRUE(outcome) << describe(outcome.error());
    session.store(std::move(outcome->contents));
    std::promise<WipeReason> wiped;
    session.subscribe([&](WipeReason reason) { wiped.set_value(reason); });
    EXPECT_TRUE(session.hasContents());

    ASSERT_TRUE(inserted->remove().ok());
    auto future = wiped.get_future();
    ASSERT_EQ(future.wait_for(5s), std::future_status::ready) << "removal did not wipe";
    EXPECT_EQ(future.get(), WipeReason::CardRemoved);
    EXPECT_FALSE(session.hasContents());
    monitor.stop();
}

TEST_F(CardReadTest, SwappedCardIsDetected)
{
    auto hanako = identity("hanako");
    VcardProcess* first = insertCard("hanako");
    ASSERT_NE(first, nullptr);
    auto context = PcscContext::establish();
    ASSERT_TRUE(context);
    auto card = (*context)->connect(readerName());
    ASSERT_TRUE(card);
    CardSession session(readerName());
    auto outcome = readCard(**card, hanako.textPin);
    ASSERT_TRUE(outcome) << describe(outcome.error());
    session.store(std::move(outcome->contents));
    EXPECT_TRUE(session.checkSameCard(**card));

    // Without any monitor running: the card is pulled and another resident's put in.
    ASSERT_TRUE(first->remove().ok());
    VcardProcess* second = insertCard("taro");
    ASSERT_NE(second, nullptr);
    auto same = session.checkSameCard(**card);
    ASSERT_FALSE(same);
    EXPECT_EQ(same.error().code, CardErrorCode::CardSwapped);
    EXPECT_FALSE(session.hasContents());
    // The old handle cannot be used to read the new card by accident either.
    ApduChannel channel(**card);
    auto response = channel.transmit(CommandApdu::verifyQuery());
    EXPECT_FALSE(response.ok());
    // Take taro's card out first: TearDown waits for the slot to be empty card by card.
    EXPECT_TRUE(second->remove().ok());
}

} // namespace
} // namespace kakanai::testsupport
