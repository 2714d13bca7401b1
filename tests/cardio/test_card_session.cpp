#include "card_fixture.hpp"

#include "kakanai/cardio/card_reader.hpp"
#include "kakanai/cardio/card_session.hpp"

#include <gtest/gtest.h>

using namespace kakanai;
using namespace kakanai::cardio;
using namespace kakanai::testing;

namespace {

CardContents readHanako()
{
    auto identity = loadTestIdentity("hanako");
    EmulatedCard emulated(identity);
    ReadRequest request;
    request.secret = SecureBytes::fromString(identity.textPin);
    auto outcome = readResidentCard(*emulated.channel, request);
    if (!outcome) {
        throw std::runtime_error(describe(outcome.error()));
    }
    return std::move(outcome->contents);
}

} // namespace

TEST(CardSession, RemovalWipesAndNotifies)
{
    CardSession session("Reader A");
    std::vector<WipeReason> reasons;
    session.subscribe([&](WipeReason reason) { reasons.push_back(reason); });
    session.store(readHanako());
    EXPECT_TRUE(session.hasContents());
    std::string seenName;
    EXPECT_TRUE(
        session.withContents([&](const CardContents& c) { seenName = str(c.basicInfo.name); }));
    EXPECT_FALSE(seenName.empty());

    session.onReaderEvent({ ReaderEvent::Kind::CardRemoved, "Reader B", {} });
    EXPECT_TRUE(session.hasContents()) << "another reader's event must not wipe";
    session.onReaderEvent({ ReaderEvent::Kind::CardRemoved, "Reader A", {} });
    EXPECT_FALSE(session.hasContents());
    EXPECT_FALSE(session.withContents([](const CardContents&) { FAIL() << "visited wiped data"; }));
    ASSERT_EQ(reasons.size(), 1u);
    EXPECT_EQ(reasons[0], WipeReason::CardRemoved);
}

TEST(CardSession, SwapReaderLossAndServiceLossAllWipe)
{
    const std::pair<ReaderEvent::Kind, WipeReason> cases[] = {
        { ReaderEvent::Kind::CardInserted, WipeReason::CardSwapped },
        { ReaderEvent::Kind::ReaderRemoved, WipeReason::ReaderRemoved },
        { ReaderEvent::Kind::ServiceLost, WipeReason::ServiceLost },
    };
    for (auto [kind, expected] : cases) {
        CardSession session("Reader A");
        WipeReason seen = WipeReason::SessionEnded;
        session.subscribe([&](WipeReason reason) { seen = reason; });
        session.store(readHanako());
        session.onReaderEvent({ kind, "Reader A", {} });
        EXPECT_FALSE(session.hasContents());
        EXPECT_EQ(seen, expected);
    }
}

TEST(CardSession, WipeZeroesTheContents)
{
    CardContents contents = readHanako();
    ASSERT_FALSE(contents.basicInfo.name.empty());
    // wipe() zeroes in place before clearing, so the (still owned) buffer reads as zeros.
    const char* nameBuffer = contents.basicInfo.name.data();
    std::size_t capacity = contents.basicInfo.name.capacity();
    contents.wipe();
    EXPECT_TRUE(contents.basicInfo.name.empty());
    EXPECT_FALSE(contents.myNumber.has_value());
    ASSERT_EQ(contents.basicInfo.name.data(), nameBuffer) << "clear() must keep the buffer";
    for (std::size_t i = 0; i < capacity && i < 32; ++i) {
        EXPECT_EQ(nameBuffer[i], 0) << i;
    }
}

TEST(CardSession, SecureBytesWipeZeroesInPlace)
{
    SecureBytes secret = SecureBytes::fromString("1234");
    const std::uint8_t* data = secret.data();
    std::size_t capacity = secret.capacity();
    secret.wipe();
    EXPECT_TRUE(secret.empty());
    // The storage is still owned by `secret` (clear keeps capacity), so reading it is defined.
    for (std::size_t i = 0; i < capacity; ++i) {
        EXPECT_EQ(data[i], 0) << i;
    }
}
